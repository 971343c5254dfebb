using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Glue;
using GlueTaskRunLambda.Input;
using GlueTaskRunLambda.Logging;
using GlueTaskRunLambda.Serialization;

namespace GlueTaskRunLambda;

/// <summary>
/// Finds the run a CloudTrail event started when the event recorded no run id: the run of
/// the event's task type whose StartedOn is nearest the event's time.
/// </summary>
internal sealed class TaskRunLocator
{
    /// <summary>How far StartedOn may sit from CloudTrail's eventTime and still match.</summary>
    public static readonly TimeSpan MatchWindow = TimeSpan.FromMinutes(5);

    public const int MaxPages = 10;

    private const int PageSize = 100;

    private readonly IGlueClient _glue;
    private readonly FunctionLogger _logger;

    public TaskRunLocator(IGlueClient glue, FunctionLogger logger)
    {
        _glue = glue;
        _logger = logger;
    }

    public async Task<string> FindAsync(
        TaskRunRequest request,
        InvocationContext context,
        CancellationToken cancellationToken)
    {
        TaskRunLookup lookup = request.Lookup
            ?? throw new InvalidOperationException("FindAsync needs a request with a lookup.");

        var filter = new TaskRunFilter(
            lookup.TaskType,
            Status: null,
            StartedBefore: lookup.StartedNear + MatchWindow,
            StartedAfter: lookup.StartedNear - MatchWindow);
        var sort = new TaskRunSort("STARTED", "ASCENDING");

        GlueTaskRun? best = null;
        string? nextToken = null;
        for (int page = 0; page < MaxPages; page++)
        {
            var body = new GetMLTaskRunsBody(request.TransformId, nextToken, PageSize, filter, sort);
            GetMLTaskRunsResult result = await _glue.GetMLTaskRunsAsync(body, cancellationToken).ConfigureAwait(false);

            foreach (GlueTaskRun run in result.TaskRuns ?? [])
            {
                if (run.TaskRunId is null || run.StartedOn is null)
                {
                    continue;
                }

                if (best is null || Distance(run, lookup) < Distance(best, lookup))
                {
                    best = run;
                }
            }

            nextToken = result.NextToken;
            if (string.IsNullOrEmpty(nextToken))
            {
                break;
            }
        }

        if (best?.TaskRunId is not { } taskRunId)
        {
            throw new TaskRunNotFound(
                $"The {lookup.EventName} event recorded no task run id, and Glue lists no {lookup.TaskType} run "
                + $"of transform '{IdRules.Quote(request.TransformId)}' started within {MatchWindow.TotalMinutes:0} "
                + $"minutes of {Rfc3339Converter.ToRfc3339(lookup.StartedNear)}.");
        }

        IdRules.Validate("TaskRunId from GetMLTaskRuns", taskRunId);
        _logger.Info(
            "Found the task run with GetMLTaskRuns because the CloudTrail event recorded no run id",
            new LogField(LogField.RequestId, context.RequestId),
            new LogField(LogField.TransformId, request.TransformId),
            new LogField(LogField.TaskRunId, taskRunId),
            new LogField("taskType", lookup.TaskType),
            new LogField("eventTime", Rfc3339Converter.ToRfc3339(lookup.StartedNear)));
        return taskRunId;
    }

    private static TimeSpan Distance(GlueTaskRun run, TaskRunLookup lookup) =>
        (run.StartedOn!.Value - lookup.StartedNear).Duration();
}
