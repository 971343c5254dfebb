using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using CsCheck;
using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Glue;
using GlueTaskRunLambda.Glue.Sdk;
using GlueTaskRunLambda.Logging;
using GlueTaskRunLambda.Serialization;
using GlueTaskRunLambda.Status;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests.Faults;

/// <summary>
/// Random events and random Glue answers against the handler. Whatever arrives, the
/// handler returns a status document under Step Functions' 262,144-byte limit with every
/// field present, or raises one of the documented errorTypes, and it finishes before the
/// invocation deadline.
/// </summary>
[Collection(DeadlineSensitiveTests.Name)]
public sealed class HandlerPropertyTests
{
    private static readonly HashSet<string> DocumentedErrorTypes =
    [
        "InvalidTaskRunRequest", "TaskRunNotFound", "GlueAccessDenied", "GlueThrottled", "GlueUnavailable",
    ];

    private static readonly string[] EventKeys =
    [
        "TransformId", "TaskRunId", "transformId", "taskRunId", "MinPollSeconds", "MaxPollSeconds",
        "MaxWaitSeconds", "CancelOnWaitBound", "PollCount", "FirstCheckedOn", "Status", "IsTerminal",
    ];

    private static readonly string[] GlueKeys =
    [
        "TransformId", "TaskRunId", "Status", "LogGroupName", "ErrorString", "StartedOn", "LastModifiedOn",
        "CompletedOn", "ExecutionTime", "Properties", "Unknown",
    ];

    private static readonly string[] ErrorCodes =
    [
        "EntityNotFoundException", "InvalidInputException", "AccessDeniedException", "ThrottlingException",
        "InternalServiceException", "OperationTimeoutException", "UnrecognizedClientException", "Whatever", "",
    ];

    private static readonly Gen<string> JsonText = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 400].Select(chars => new string(chars)),
        Gen.Const(new string('x', 300_000)),
        Gen.Const("tsk-\u0001\ud800")).Select(text => JsonSerializer.Serialize(text));

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.Const("null"),
        Gen.Bool.Select(flag => flag ? "true" : "false"),
        Gen.Int.Select(number => number.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(number => double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : "1e308"),
        Gen.Int[0, 2_000_000_000].Select(seconds => seconds.ToString(CultureInfo.InvariantCulture) + ".5"),
        JsonText);

    private static readonly Gen<string> Value = Gen.Frequency(
        (6, Scalar),
        (1, Scalar.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
        (1, Gen.Select(Gen.OneOf(GlueKeys), Scalar).Array[0, 4].Select(Object)));

    private static readonly Gen<string> ValidId = Gen.Char['a', 'z'].Array[1, 20].Select(chars => JsonSerializer.Serialize("tsk-" + new string(chars)));

    private static readonly Gen<string> Event = Gen.Frequency(
        (8, Gen.Select(Gen.OneOf(EventKeys), Gen.Frequency((2, ValidId), (3, Value))).Array[0, 8].Select(Object)),
        (2, Gen.Select(ValidId, ValidId, Value).Select((transform, run, extra) =>
            $$$"""{"detail-type":"x","source":"y","detail":{"TransformId":{{{transform}}},"TaskRunId":{{{run}}},"MaxWaitSeconds":{{{extra}}}}}""")),
        (1, Value),
        (1, Gen.Byte.Array[0, 40].Select(bytes => Encoding.Latin1.GetString(bytes))));

    private static readonly Gen<string> LongText = Gen.Int[200_000, 1_000_000]
        .Select(length => JsonSerializer.Serialize(new string('\u00e9', length)));

    private static readonly Gen<string> Timestamp = Gen.OneOf(
        Gen.Int[0, 2_000_000_000].Select(seconds => seconds.ToString(CultureInfo.InvariantCulture)),
        Gen.Double[0, 4e9].Select(seconds => seconds.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Double[0, 4e9].Select(seconds => seconds.ToString("E10", CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Properties = Gen.Select(JsonText, JsonText, Gen.Bool).Select((type, path, replace) =>
        $$$"""{"TaskType":{{{type}}},"ImportLabelsTaskRunProperties":{"InputS3Path":{{{path}}},"Replace":{{{(replace ? "true" : "false")}}}},"ExportLabelsTaskRunProperties":{"OutputS3Path":{{{path}}}},"LabelingSetGenerationTaskRunProperties":{"OutputS3Path":{{{path}}}},"FindMatchesTaskRunProperties":{"JobId":{{{path}}},"JobName":{{{type}}},"JobRunId":{{{path}}}}}""");

    /// <summary>A Glue member with a value of its own type most of the time, anything else otherwise.</summary>
    private static readonly Gen<(string Key, string Value)> GlueMember = Gen.OneOf(GlueKeys).SelectMany(key =>
        Gen.Frequency((9, TypedValue(key)), (1, Value)).Select(value => (key, value)));

    private static readonly Gen<GlueBehavior> Glue = Gen.Frequency(
        (32, GlueMember.Array[0, 10].Select(Object).Select(body => new GlueBehavior(body, null, 0, false))),
        (8, Gen.Select(Gen.OneOf(ErrorCodes), Gen.OneOf(400, 403, 429, 500, 503)).Select((code, status) => new GlueBehavior(null, code, status, false))),
        (4, Gen.Byte.Array[0, 40].Select(bytes => new GlueBehavior(Encoding.Latin1.GetString(bytes), null, 0, false))),
        (1, Gen.Const(new GlueBehavior(null, null, 0, Hang: true))));

    [Fact]
    public async Task Handler_RandomEventsAndGlueAnswers_KeepsInvariants()
    {
        // Asynchronous sampling: blocking test threads on the handler would starve the
        // thread pool and delay the very deadline timers this property checks.
        await Gen.Select(Event, Glue).SampleAsync(CheckInvariantsAsync, iter: 1_500, threads: 2);
    }

    [Fact]
    public async Task RealClient_RandomGlueResponsesOverHttp_KeepsInvariants()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        var config = new GlueClientConfig
        {
            ServiceURL = server.BaseAddress.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        };
        using var client = new GlueServiceClient(new BasicAWSCredentials("AKIDPROPERTY", "property-secret"), config);
        var bodies = Gen.Select(
            GlueMember.Array[0, 10].Select(Object),
            Gen.OneOf(200, 200, 200, 400, 403, 500));

        await bodies.SampleAsync(
            async (body, status) =>
            {
                server.EnqueueJson(status, body);
                var outcome = await InvokeAsync(client, """{"TransformId":"tfm-1","TaskRunId":"tsk-1"}""", TimeSpan.FromSeconds(10));
                AssertInvariants(outcome, $"status {status} body {Shorten(body)}");
            },
            iter: 120,
            threads: 1);
    }

    private static async Task CheckInvariantsAsync(string eventJson, GlueBehavior glue)
    {
        var client = new FakeGlueClient
        {
            GetRun = async (_, _, token) =>
            {
                if (glue.Hang)
                {
                    await Task.Delay(Timeout.Infinite, token);
                }

                if (glue.Code is not null)
                {
                    throw new AmazonServiceException("m", ErrorType.Sender, glue.Code, "r", (HttpStatusCode)glue.Status);
                }

                return JsonSerializer.Deserialize(glue.Body!, GlueJsonContext.Default.GlueTaskRun)!;
            },
        };

        var outcome = await InvokeAsync(client, eventJson, glue.Hang ? TimeSpan.FromMilliseconds(1200) : TimeSpan.FromSeconds(10));
        AssertInvariants(outcome, $"event {Shorten(eventJson)} glue {glue with { Body = Shorten(glue.Body) }}");
    }

    private static async Task<(StatusDocument? Document, Exception? Error, TimeSpan Elapsed, TimeSpan Allowed)> InvokeAsync(
        IGlueClient glue,
        string eventJson,
        TimeSpan untilDeadline)
    {
        var logger = new FunctionLogger(TextWriter.Null, TimeProvider.System, json: true, LogLevel.Info);
        var handler = new TaskRunStatusHandler(glue, new FunctionSettings(), TimeProvider.System, new PollPolicy(new Random(1)), logger);
        var context = new InvocationContext { RequestId = "req-property", Deadline = DateTimeOffset.UtcNow + untilDeadline };
        var started = DateTimeOffset.UtcNow;
        try
        {
            var document = await handler.HandleAsync(Encoding.UTF8.GetBytes(eventJson), context, CancellationToken.None);
            return (document, null, DateTimeOffset.UtcNow - started, untilDeadline);
        }
#pragma warning disable CA1031 // The property is about which exceptions escape, so it catches all of them.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (null, exception, DateTimeOffset.UtcNow - started, untilDeadline);
        }
    }

    private static void AssertInvariants(
        (StatusDocument? Document, Exception? Error, TimeSpan Elapsed, TimeSpan Allowed) outcome,
        string input)
    {
        Assert.True(outcome.Elapsed < outcome.Allowed, $"took {outcome.Elapsed} of {outcome.Allowed} for {input}");
        if (outcome.Error is not null)
        {
            var error = Assert.IsAssignableFrom<FunctionError>(outcome.Error);
            Assert.Contains(error.ErrorType, DocumentedErrorTypes);
            return;
        }

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(outcome.Document!, FunctionJsonContext.Relaxed.StatusDocument);
        Assert.True(json.Length < 262_144, $"document of {json.Length} bytes for {input}");
        Assert.Equal(30, JsonDocument.Parse(json).RootElement.EnumerateObject().Count());
    }

    private static Gen<string> TypedValue(string key) => key switch
    {
        "Status" => Gen.OneOf(Gen.OneOf("\"RUNNING\"", "\"SUCCEEDED\"", "\"FAILED\"", "\"TIMEOUT\"", "\"STOPPED\""), JsonText),
        "StartedOn" or "LastModifiedOn" or "CompletedOn" => Timestamp,
        "ExecutionTime" => Gen.Long.Select(number => number.ToString(CultureInfo.InvariantCulture)),
        "Properties" => Properties,
        "ErrorString" or "LogGroupName" => Gen.Frequency((3, JsonText), (1, LongText)),
        _ => JsonText,
    };

    private static string Object(IEnumerable<(string Key, string Value)> members) =>
        "{" + string.Join(",", members.DistinctBy(member => member.Key).Select(member => $"\"{member.Key}\":{member.Value}")) + "}";

    private static string? Shorten(string? text) => text is { Length: > 200 } ? text[..200] + "..." : text;

    private sealed record GlueBehavior(string? Body, string? Code, int Status, bool Hang);
}
