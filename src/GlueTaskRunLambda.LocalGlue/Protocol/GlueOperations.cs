using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GlueTaskRunLambda.LocalGlue.Json;
using GlueTaskRunLambda.LocalGlue.Protocol.Wire;
using GlueTaskRunLambda.LocalGlue.Simulation;

namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>
/// The Glue operations that the endpoint serves: each parses and validates its request
/// body, acts on the <see cref="TaskRunStore"/> and returns the JSON response body.
/// </summary>
internal sealed class GlueOperations(TaskRunStore store)
{
    public const int MaxPageSize = 1000;

    // NOTE: Glue does not document the page size used without MaxResults, so 100 is a guess.
    public const int DefaultPageSize = 100;

    private static readonly string[] SortColumns = ["TASK_RUN_TYPE", "STATUS", "STARTED"];

    /// <summary>Runs one operation.</summary>
    /// <param name="operation">Operation name from X-Amz-Target, without "AWSGlue.".</param>
    /// <param name="body">Request body, where an empty body counts as <c>{}</c>.</param>
    /// <param name="call">Receives the ids read from the request.</param>
    /// <exception cref="GlueErrorException">The request failed as it would on Glue.</exception>
    public byte[] Invoke(string operation, ReadOnlySpan<byte> body, CallDetails call) => operation switch
    {
        "GetMLTaskRun" => GetMLTaskRun(body, call),
        "GetMLTaskRuns" => GetMLTaskRuns(body, call),
        "CancelMLTaskRun" => CancelMLTaskRun(body, call),
        "StartMLEvaluationTaskRun" => StartTaskRun(operation, TaskType.Evaluation, body, call),
        "StartMLLabelingSetGenerationTaskRun" => StartTaskRun(operation, TaskType.LabelingSetGeneration, body, call),
        "StartImportLabelsTaskRun" => StartTaskRun(operation, TaskType.ImportLabels, body, call),
        "StartExportLabelsTaskRun" => StartTaskRun(operation, TaskType.ExportLabels, body, call),
        _ => throw GlueErrors.UnknownOperation(
            $"Operation '{DisplayText.Shorten(operation)}' is unknown. local-glue serves GetMLTaskRun, GetMLTaskRuns, "
            + "CancelMLTaskRun, StartMLEvaluationTaskRun, StartMLLabelingSetGenerationTaskRun, "
            + "StartImportLabelsTaskRun and StartExportLabelsTaskRun."),
    };

    private byte[] GetMLTaskRun(ReadOnlySpan<byte> body, CallDetails call)
    {
        TaskRunKeyRequest request = Parse(body, WireJsonContext.Default.TaskRunKeyRequest, "GetMLTaskRun");
        call.TransformId = request.TransformId;
        call.TaskRunId = request.TaskRunId;
        string transformId = RequireId(nameof(request.TransformId), request.TransformId);
        string taskRunId = RequireId(nameof(request.TaskRunId), request.TaskRunId);

        TaskRunSnapshot snapshot = store.GetTaskRun(transformId, taskRunId);
        return JsonSerializer.SerializeToUtf8Bytes(
            TaskRunDocuments.From(snapshot),
            WireJsonContext.Default.TaskRunDocument);
    }

    private byte[] GetMLTaskRuns(ReadOnlySpan<byte> body, CallDetails call)
    {
        GetMLTaskRunsRequest request = Parse(body, WireJsonContext.Default.GetMLTaskRunsRequest, "GetMLTaskRuns");
        call.TransformId = request.TransformId;
        string transformId = RequireId(nameof(request.TransformId), request.TransformId);

        int pageSize = request.MaxResults ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw GlueErrors.InvalidInput(string.Create(
                CultureInfo.InvariantCulture,
                $"MaxResults {pageSize} is invalid: it must be 1 to {MaxPageSize}."));
        }

        TaskRunQuery query = ReadQuery(request);
        int offset = request.NextToken is null ? 0 : PageToken.ReadOffset(request.NextToken, transformId);

        IReadOnlyList<TaskRunSnapshot> runs = query.Apply(store.ListTaskRuns(transformId));
        List<TaskRunDocument> page = runs.Skip(offset).Take(pageSize).Select(TaskRunDocuments.From).ToList();
        int nextOffset = offset + page.Count;
        string? nextToken = nextOffset < runs.Count ? PageToken.Create(transformId, nextOffset) : null;

        return JsonSerializer.SerializeToUtf8Bytes(
            new GetMLTaskRunsResponse(page, nextToken),
            WireJsonContext.Default.GetMLTaskRunsResponse);
    }

    private byte[] CancelMLTaskRun(ReadOnlySpan<byte> body, CallDetails call)
    {
        TaskRunKeyRequest request = Parse(body, WireJsonContext.Default.TaskRunKeyRequest, "CancelMLTaskRun");
        call.TransformId = request.TransformId;
        call.TaskRunId = request.TaskRunId;
        string transformId = RequireId(nameof(request.TransformId), request.TransformId);
        string taskRunId = RequireId(nameof(request.TaskRunId), request.TaskRunId);

        TaskStatusType status = store.CancelTaskRun(transformId, taskRunId);
        return JsonSerializer.SerializeToUtf8Bytes(
            new CancelMLTaskRunResponse(transformId, taskRunId, status.ToWire()),
            WireJsonContext.Default.CancelMLTaskRunResponse);
    }

    private byte[] StartTaskRun(string operation, TaskType taskType, ReadOnlySpan<byte> body, CallDetails call)
    {
        StartTaskRunRequest request = Parse(body, WireJsonContext.Default.StartTaskRunRequest, operation);
        call.TransformId = request.TransformId;
        string transformId = RequireId(nameof(request.TransformId), request.TransformId);

        string? inputS3Path = null;
        string? outputS3Path = null;
        switch (taskType)
        {
            case TaskType.ImportLabels:
                inputS3Path = RequirePath(operation, nameof(request.InputS3Path), request.InputS3Path);
                break;
            case TaskType.LabelingSetGeneration or TaskType.ExportLabels:
                outputS3Path = RequirePath(operation, nameof(request.OutputS3Path), request.OutputS3Path);
                break;
            default:
                break;
        }

        string taskRunId = store.StartTaskRun(
            transformId,
            taskType,
            inputS3Path,
            request.ReplaceAllLabels ?? false,
            outputS3Path);
        call.TaskRunId = taskRunId;
        return JsonSerializer.SerializeToUtf8Bytes(
            new StartTaskRunResponse(taskRunId),
            WireJsonContext.Default.StartTaskRunResponse);
    }

    private static TaskRunQuery ReadQuery(GetMLTaskRunsRequest request)
    {
        TaskType? taskRunType = null;
        TaskStatusType? status = null;
        TaskRunFilterCriteria? filter = request.Filter;
        if (filter?.TaskRunType is string typeName)
        {
            taskRunType = WireNames.TryParseTaskType(typeName, out TaskType parsed)
                ? parsed
                : throw InvalidEnum("Filter.TaskRunType", typeName, WireNames.TaskTypes);
        }

        if (filter?.Status is string statusName)
        {
            status = WireNames.TryParseStatus(statusName, out TaskStatusType parsed)
                ? parsed
                : throw InvalidEnum("Filter.Status", statusName, WireNames.Statuses);
        }

        TaskRunSortColumn column = TaskRunSortColumn.Started;
        bool descending = true;
        if (request.Sort is TaskRunSortCriteria sort)
        {
            int columnIndex = Array.IndexOf(SortColumns, sort.Column);
            if (columnIndex < 0)
            {
                throw sort.Column is null
                    ? GlueErrors.InvalidInput("Sort.Column is missing: it is required when Sort is present.")
                    : InvalidEnum("Sort.Column", sort.Column, SortColumns);
            }

            column = (TaskRunSortColumn)columnIndex;
            descending = sort.SortDirection switch
            {
                "DESCENDING" => true,
                "ASCENDING" => false,
                null => throw GlueErrors.InvalidInput(
                    "Sort.SortDirection is missing: it is required when Sort is present."),
                _ => throw InvalidEnum("Sort.SortDirection", sort.SortDirection, ["DESCENDING", "ASCENDING"]),
            };
        }

        return new TaskRunQuery(taskRunType, status, filter?.StartedBefore, filter?.StartedAfter, column, descending);
    }

    private static T Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo, string operation)
        where T : class
    {
        if (body.IsEmpty)
        {
            body = "{}"u8;
        }

        try
        {
            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw GlueErrors.InvalidInput($"The request body of {operation} is null: send a JSON object.");
        }
        catch (JsonException exception)
        {
            throw GlueErrors.InvalidInput($"The request body of {operation} is invalid: {exception.Message}");
        }
    }

    private static string RequireId(string memberName, string? value) =>
        GlueIdRules.FindError(memberName, value) is string error ? throw GlueErrors.InvalidInput(error) : value!;

    private static string RequirePath(string operation, string memberName, string? value) =>
        value ?? throw GlueErrors.InvalidInput($"{memberName} is missing: {operation} requires it.");

    private static GlueErrorException InvalidEnum(string memberName, string value, IEnumerable<string> allowed) =>
        GlueErrors.InvalidInput(
            $"{memberName} '{DisplayText.Shorten(value)}' is invalid: it must be one of {string.Join(", ", allowed)}.");
}
