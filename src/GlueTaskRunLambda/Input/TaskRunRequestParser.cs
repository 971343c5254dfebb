using System.Globalization;
using System.Text.Json;
using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Serialization;

namespace GlueTaskRunLambda.Input;

/// <summary>
/// Parses an event into a <see cref="TaskRunRequest"/>. It accepts the ids themselves,
/// the function's own previous output, a custom EventBridge event that carries the ids
/// in its detail, and CloudTrail's EventBridge record of a Glue Start*TaskRun call.
/// Anything else raises <see cref="InvalidTaskRunRequest"/> naming the field, the value
/// and the rule.
/// </summary>
internal static class TaskRunRequestParser
{
    internal const string Example = """{"TransformId": "tfm-...", "TaskRunId": "tsk-..."}""";

    private const string CloudTrailDetailType = "AWS API Call via CloudTrail";
    private const string GlueSource = "aws.glue";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 64,
        AllowDuplicateProperties = false,
    };

    private static readonly Dictionary<string, string> TaskTypeByStartOperation = new(StringComparer.Ordinal)
    {
        ["StartMLEvaluationTaskRun"] = "EVALUATION",
        ["StartMLLabelingSetGenerationTaskRun"] = "LABELING_SET_GENERATION",
        ["StartImportLabelsTaskRun"] = "IMPORT_LABELS",
        ["StartExportLabelsTaskRun"] = "EXPORT_LABELS",
    };

    public static TaskRunRequest Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new InvalidTaskRunRequest(
                $"The event is not valid JSON ({exception.Message}). Send a JSON object such as {Example}.",
                exception);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidTaskRunRequest(
                    $"The event is a JSON {Describe(root)}, not an object. Send a JSON object such as {Example}.");
            }

            if (root.TryGetProperty("detail-type", out JsonElement detailType)
                && root.TryGetProperty("detail", out JsonElement detail))
            {
                return ParseEventBridge(root, detailType, detail);
            }

            return ParseIds(root, EventKind.Direct, fieldPrefix: "");
        }
    }

    private static TaskRunRequest ParseEventBridge(JsonElement root, JsonElement detailType, JsonElement detail)
    {
        if (detail.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidTaskRunRequest(
                $"detail is a JSON {Describe(detail)}, not an object. An EventBridge event must carry "
                + $"{Example} in its detail.");
        }

        bool fromCloudTrail = detailType.ValueKind == JsonValueKind.String
            && detailType.ValueEquals(CloudTrailDetailType)
            && root.TryGetProperty("source", out JsonElement source)
            && source.ValueKind == JsonValueKind.String
            && source.ValueEquals(GlueSource);

        return fromCloudTrail
            ? ParseCloudTrail(root, detail)
            : ParseIds(detail, EventKind.EventBridge, fieldPrefix: "detail.");
    }

    private static TaskRunRequest ParseIds(JsonElement element, EventKind kind, string fieldPrefix)
    {
        string transformId = ReadId(element, "TransformId", "transformId", fieldPrefix);
        string taskRunId = ReadId(element, "TaskRunId", "taskRunId", fieldPrefix);

        return new TaskRunRequest
        {
            TransformId = transformId,
            TaskRunId = taskRunId,
            Kind = kind,
            MinPollSeconds = ReadOptionalInt(element, "MinPollSeconds", fieldPrefix, 1, FunctionSettings.MaxPollLimit),
            MaxPollSeconds = ReadOptionalInt(element, "MaxPollSeconds", fieldPrefix, 1, FunctionSettings.MaxPollLimit),
            MaxWaitSeconds = ReadOptionalInt(element, "MaxWaitSeconds", fieldPrefix, 1, FunctionSettings.MaxWaitLimit),
            CancelOnWaitBound = ReadOptionalBool(element, "CancelOnWaitBound", fieldPrefix),
            PreviousPollCount = ReadOptionalInt(element, "PollCount", fieldPrefix, 0, int.MaxValue) ?? 0,
            FirstCheckedOn = ReadOptionalTimestamp(element, "FirstCheckedOn", fieldPrefix),
        };
    }

    private static TaskRunRequest ParseCloudTrail(JsonElement root, JsonElement detail)
    {
        string eventName = ReadRequiredString(detail, "eventName", "detail.");
        if (!TaskTypeByStartOperation.TryGetValue(eventName, out string? taskType))
        {
            throw new InvalidTaskRunRequest(
                $"detail.eventName '{Quote(eventName)}' is not a Glue ML task run start. The function "
                + $"accepts CloudTrail events for {string.Join(", ", TaskTypeByStartOperation.Keys)}.");
        }

        if (detail.TryGetProperty("errorCode", out JsonElement errorCode) && errorCode.ValueKind != JsonValueKind.Null)
        {
            throw new InvalidTaskRunRequest(
                $"The {eventName} call recorded by this event failed with errorCode '{Quote(errorCode.ToString())}', "
                + "so it started no task run to wait for.");
        }

        if (!detail.TryGetProperty("requestParameters", out JsonElement parameters)
            || parameters.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidTaskRunRequest(
                "detail.requestParameters is missing or not an object, so the event names no transform.");
        }

        string transformId = ReadId(parameters, "transformId", "TransformId", "detail.requestParameters.");

        string? taskRunId = null;
        if (detail.TryGetProperty("responseElements", out JsonElement response)
            && response.ValueKind == JsonValueKind.Object
            && (response.TryGetProperty("taskRunId", out _) || response.TryGetProperty("TaskRunId", out _)))
        {
            taskRunId = ReadId(response, "taskRunId", "TaskRunId", "detail.responseElements.");
        }

        TaskRunLookup? lookup = null;
        if (taskRunId is null)
        {
            DateTimeOffset eventTime = ReadOptionalTimestamp(detail, "eventTime", "detail.")
                ?? ReadOptionalTimestamp(root, "time", "")
                ?? throw new InvalidTaskRunRequest(
                    "The CloudTrail event has no detail.responseElements.taskRunId and no eventTime or time, "
                    + "so the run cannot be found. Send the ids directly instead.");
            lookup = new TaskRunLookup(taskType, eventTime, eventName);
        }

        return new TaskRunRequest
        {
            TransformId = transformId,
            TaskRunId = taskRunId,
            Kind = EventKind.CloudTrail,
            Lookup = lookup,
        };
    }

    private static string ReadId(JsonElement element, string name, string otherCase, string fieldPrefix)
    {
        bool hasName = element.TryGetProperty(name, out JsonElement value);
        bool hasOther = element.TryGetProperty(otherCase, out JsonElement otherValue);

        if (hasName && hasOther && !JsonElement.DeepEquals(value, otherValue))
        {
            throw new InvalidTaskRunRequest(
                $"{fieldPrefix}{name} and {fieldPrefix}{otherCase} are both present with different values. "
                + "Send only one of them.");
        }

        if (!hasName && !hasOther)
        {
            throw new InvalidTaskRunRequest(
                $"{fieldPrefix}{name} is missing. Send a JSON object such as {Example}, an EventBridge event "
                + "whose detail has both ids, or this function's previous output.");
        }

        string field = fieldPrefix + (hasName ? name : otherCase);
        JsonElement id = hasName ? value : otherValue;
        if (id.ValueKind != JsonValueKind.String)
        {
            throw new InvalidTaskRunRequest($"{field} must be a string, not a JSON {Describe(id)}.");
        }

        string text = GetString(id, field);
        IdRules.Validate(field, text);
        return text;
    }

    private static string ReadRequiredString(JsonElement element, string name, string fieldPrefix)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            throw new InvalidTaskRunRequest($"{fieldPrefix}{name} is missing from the event.");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidTaskRunRequest($"{fieldPrefix}{name} must be a string, not a JSON {Describe(value)}.");
        }

        return GetString(value, fieldPrefix + name);
    }

    private static int? ReadOptionalInt(JsonElement element, string name, string fieldPrefix, int min, int max)
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number) || number < min || number > max)
        {
            throw new InvalidTaskRunRequest(
                $"{fieldPrefix}{name} {Shorten(RawText(value))} is invalid: it must be a whole number "
                + $"from {min} to {max}.");
        }

        return number;
    }

    private static bool? ReadOptionalBool(JsonElement element, string name, string fieldPrefix)
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidTaskRunRequest(
                $"{fieldPrefix}{name} {Shorten(RawText(value))} is invalid: it must be true or false."),
        };
    }

    private static DateTimeOffset? ReadOptionalTimestamp(JsonElement element, string name, string fieldPrefix)
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string text = value.ValueKind == JsonValueKind.String ? GetString(value, fieldPrefix + name) : "";
        if (!Rfc3339Converter.TryParse(text, out DateTimeOffset timestamp))
        {
            throw new InvalidTaskRunRequest(
                $"{fieldPrefix}{name} {Shorten(RawText(value))} is invalid: it must be an RFC 3339 "
                + "timestamp such as \"2026-01-31T12:00:00Z\".");
        }

        return timestamp;
    }

    private static string GetString(JsonElement value, string field)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            // System.Text.Json refuses to decode an escaped unpaired surrogate (\uD800) or
            // bytes that are not UTF-8, and so would GetRawText: the message cannot quote it.
            throw new InvalidTaskRunRequest(
                $"{field} is invalid: it contains bytes that are not UTF-8 or an unpaired surrogate "
                + "escape, neither of which is a character. Send the id as UTF-8 text.",
                exception);
        }
    }

    /// <summary>Returns the element's JSON text, or a placeholder when it is not valid UTF-8.</summary>
    private static string RawText(JsonElement element)
    {
        try
        {
            return element.GetRawText();
        }
        catch (InvalidOperationException)
        {
            return "(text that is not valid UTF-8)";
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => $"number {Shorten(RawText(element))}",
        JsonValueKind.True or JsonValueKind.False => $"boolean {RawText(element)}",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string rawJson) =>
        rawJson.Length <= 64 ? rawJson : string.Concat(rawJson.AsSpan(0, 61), "...");

    internal static string Quote(string text) => IdRules.Quote(text);
}
