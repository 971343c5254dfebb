using GlueTaskRunLambda.Glue;
using GlueTaskRunLambda.Input;

namespace GlueTaskRunLambda.Status;

/// <summary>Flattens a Glue task run and the loop's state into a <see cref="StatusDocument"/>.</summary>
internal sealed class StatusDocumentBuilder
{
    private readonly PollPolicy _pollPolicy;

    public StatusDocumentBuilder(PollPolicy pollPolicy)
    {
        _pollPolicy = pollPolicy;
    }

    public StatusDocument Build(
        TaskRunRequest request,
        string taskRunId,
        GlueTaskRun run,
        FunctionSettings settings,
        DateTimeOffset now)
    {
        int minPoll = request.MinPollSeconds ?? settings.MinPollSeconds;
        int maxPoll = request.MaxPollSeconds ?? settings.MaxPollSeconds;
        int maxWait = request.MaxWaitSeconds ?? settings.MaxWaitSeconds;
        DateTimeOffset firstCheckedOn = request.FirstCheckedOn ?? now;
        DateTimeOffset waitDeadline = firstCheckedOn.AddSeconds(maxWait);

        bool terminal = TaskRunStatuses.IsTerminal(run.Status);
        bool waitExpired = !terminal && now >= waitDeadline;

        // Elapsed time counts from Glue's own start time where Glue gave one.
        TimeSpan elapsed = now - (run.StartedOn ?? firstCheckedOn);
        int nextPoll = terminal || waitExpired
            ? 0
            : _pollPolicy.NextPollSeconds(elapsed, minPoll, maxPoll, (waitDeadline - now).TotalSeconds);

        GlueTaskRunProperties? properties = run.Properties;
        string? errorString = StatusLimits.Truncate(run.ErrorString, StatusLimits.MaxErrorStringLength);

        return new StatusDocument
        {
            TransformId = request.TransformId,
            TaskRunId = taskRunId,
            Status = Cap(run.Status),
            IsTerminal = terminal,
            TaskType = Cap(properties?.TaskType),
            LogGroupName = Cap(run.LogGroupName),
            ErrorString = errorString,
            StartedOn = run.StartedOn,
            LastModifiedOn = run.LastModifiedOn,
            CompletedOn = run.CompletedOn,
            ExecutionTime = run.ExecutionTime,
            ImportLabelsInputS3Path = Cap(properties?.ImportLabelsTaskRunProperties?.InputS3Path),
            ImportLabelsReplace = properties?.ImportLabelsTaskRunProperties?.Replace,
            ExportLabelsOutputS3Path = Cap(properties?.ExportLabelsTaskRunProperties?.OutputS3Path),
            LabelingSetGenerationOutputS3Path = Cap(properties?.LabelingSetGenerationTaskRunProperties?.OutputS3Path),
            FindMatchesJobId = Cap(properties?.FindMatchesTaskRunProperties?.JobId),
            FindMatchesJobName = Cap(properties?.FindMatchesTaskRunProperties?.JobName),
            FindMatchesJobRunId = Cap(properties?.FindMatchesTaskRunProperties?.JobRunId),
            CheckedOn = now,
            PollCount = request.PreviousPollCount == int.MaxValue ? int.MaxValue : request.PreviousPollCount + 1,
            NextPollSeconds = nextPoll,
            MinPollSeconds = minPoll,
            MaxPollSeconds = maxPoll,
            ErrorStringTruncated = errorString?.Length != run.ErrorString?.Length,
            ErrorStringLength = run.ErrorString?.Length,
            FirstCheckedOn = firstCheckedOn,
            MaxWaitSeconds = maxWait,
            WaitDeadline = waitDeadline,
            WaitExpired = waitExpired,
            CancelOnWaitBound = request.CancelOnWaitBound ?? settings.CancelOnWaitBound,
        };
    }

    private static string? Cap(string? text) => StatusLimits.Truncate(text, StatusLimits.MaxFieldLength);
}
