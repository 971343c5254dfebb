using System.Diagnostics;
using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Glue;
using GlueTaskRunLambda.Input;
using GlueTaskRunLambda.Logging;
using GlueTaskRunLambda.Serialization;
using GlueTaskRunLambda.Status;

namespace GlueTaskRunLambda;

/// <summary>
/// The function: reads one Glue ML task run and returns its status document. It does
/// not depend on the Lambda Runtime API, and failures leave it as <see cref="FunctionError"/>s
/// whose class name is the errorType.
/// </summary>
internal sealed class TaskRunStatusHandler
{
    /// <summary>Time kept back from the Lambda deadline to post the result or the error.</summary>
    public static readonly TimeSpan ReportMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>Budget for the Glue call when the host gives no deadline.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(30);

    /// <summary>How far a fed-back FirstCheckedOn may lie ahead of this host's clock.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Lambda's maximum timeout; a deadline further away than this is not believed.</summary>
    public static readonly TimeSpan MaxBudget = TimeSpan.FromSeconds(900);

    private readonly IGlueClient _glue;
    private readonly FunctionSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly StatusDocumentBuilder _builder;
    private readonly TaskRunLocator _locator;
    private readonly FunctionLogger _logger;
    private readonly SecretRedactor _redactor;

    public TaskRunStatusHandler(
        IGlueClient glue,
        FunctionSettings settings,
        TimeProvider timeProvider,
        PollPolicy pollPolicy,
        FunctionLogger logger,
        SecretRedactor? redactor = null)
    {
        _redactor = redactor ?? SecretRedactor.PatternsOnly;
        _glue = glue;
        _settings = settings;
        _timeProvider = timeProvider;
        _builder = new StatusDocumentBuilder(pollPolicy);
        _locator = new TaskRunLocator(glue, logger);
        _logger = logger;
    }

    public async Task<StatusDocument> HandleAsync(
        ReadOnlyMemory<byte> input,
        InvocationContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        TaskRunRequest? request = null;
        try
        {
            request = TaskRunRequestParser.Parse(input);
            CheckPollBounds(request);
            CheckFirstCheckedOn(request);

            using var deadline = CreateDeadline(context, cancellationToken);
            return await ReadStatusAsync(request, context, deadline.Token, cancellationToken).ConfigureAwait(false);
        }
        catch (FunctionError error)
        {
            LogFailure(context, request, error);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A defect of the function itself: still reported under a documented errorType,
            // one the wait loop retries a bounded number of times.
            var error = new GlueUnavailable(
                $"The function failed unexpectedly with {exception.GetType().Name}: {_redactor.Redact(exception.Message)}",
                exception);
            LogFailure(context, request, error);
            throw error;
        }
    }

    private async Task<StatusDocument> ReadStatusAsync(
        TaskRunRequest request,
        InvocationContext context,
        CancellationToken deadlineToken,
        CancellationToken hostToken)
    {
        long started = Stopwatch.GetTimestamp();
        string taskRunId = request.TaskRunId ?? "(unknown)";
        GlueTaskRun run;
        try
        {
            if (request.TaskRunId is null)
            {
                taskRunId = await _locator.FindAsync(request, context, deadlineToken).ConfigureAwait(false);
            }

            run = await _glue.GetMLTaskRunAsync(request.TransformId, taskRunId, deadlineToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
            when (deadlineToken.IsCancellationRequested && !hostToken.IsCancellationRequested)
        {
            throw new GlueUnavailable(
                $"Glue did not answer for {Describe(request.TransformId, taskRunId)} before the Lambda "
                + $"deadline (gave up {ReportMargin.TotalMilliseconds:0} ms early to report it). "
                + "The wait loop retries; raise the function timeout if this repeats.",
                exception);
        }
        catch (OperationCanceledException exception) when (!hostToken.IsCancellationRequested)
        {
            // The SDK's own HTTP timeout cancels the request without our token firing.
            throw new GlueUnavailable(
                $"The call to Glue for {Describe(request.TransformId, taskRunId)} timed out: {_redactor.Redact(exception.Message)}",
                exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not FunctionError)
        {
            throw GlueErrorClassifier.Classify(exception, Describe(request.TransformId, taskRunId), _redactor);
        }

        double latencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        StatusDocument document = _builder.Build(request, taskRunId, run, _settings, _timeProvider.GetUtcNow());

        _logger.Info(
            "Read task run status",
            new LogField(LogField.RequestId, context.RequestId),
            new LogField(LogField.TransformId, document.TransformId),
            new LogField(LogField.TaskRunId, document.TaskRunId),
            new LogField(LogField.Status, document.Status),
            new LogField(LogField.GlueLatencyMs, Math.Round(latencyMs, 1)),
            new LogField(LogField.PollCount, document.PollCount),
            new LogField(LogField.NextPollSeconds, document.NextPollSeconds),
            new LogField(LogField.EventKind, request.Kind.ToString()));
        return document;
    }

    private DeadlineScope CreateDeadline(InvocationContext context, CancellationToken hostToken)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        TimeSpan budget;
        if (context.Deadline is not { } deadline)
        {
            budget = DefaultBudget;
            _logger.Warn(
                "The host gave no invocation deadline; using a default Glue budget",
                new LogField(LogField.RequestId, context.RequestId),
                new LogField("budgetMs", (long)DefaultBudget.TotalMilliseconds));
        }
        else
        {
            budget = deadline - now - ReportMargin;
            if (budget > MaxBudget)
            {
                budget = MaxBudget;
            }
        }

        if (budget <= TimeSpan.Zero)
        {
            throw new GlueUnavailable(
                $"No time is left before the Lambda deadline to call Glue (deadline {Rfc3339Converter.ToRfc3339(context.Deadline!.Value)}, "
                + $"now {Rfc3339Converter.ToRfc3339(now)}). Raise the function timeout.");
        }

        // The timer runs on the handler's TimeProvider, so tests can drive the deadline.
        return new DeadlineScope(new CancellationTokenSource(budget, _timeProvider), hostToken);
    }

    /// <summary>A token that fires at the Glue budget's end or when the host cancels.</summary>
    private sealed class DeadlineScope : IDisposable
    {
        private readonly CancellationTokenSource _timer;
        private readonly CancellationTokenSource _linked;

        public DeadlineScope(CancellationTokenSource timer, CancellationToken hostToken)
        {
            _timer = timer;
            _linked = CancellationTokenSource.CreateLinkedTokenSource(hostToken, timer.Token);
        }

        public CancellationToken Token => _linked.Token;

        public void Dispose()
        {
            _linked.Dispose();
            _timer.Dispose();
        }
    }

    private void CheckPollBounds(TaskRunRequest request)
    {
        int min = request.MinPollSeconds ?? _settings.MinPollSeconds;
        int max = request.MaxPollSeconds ?? _settings.MaxPollSeconds;
        if (min > max)
        {
            throw new InvalidTaskRunRequest(
                $"MinPollSeconds ({min}) is greater than MaxPollSeconds ({max}). Send a minimum at or "
                + "below the maximum, or leave one of them out to use the function's default.");
        }
    }

    private void CheckFirstCheckedOn(TaskRunRequest request)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (request.FirstCheckedOn is { } first && (first > now + AllowedClockSkew || first < now.AddYears(-2)))
        {
            throw new InvalidTaskRunRequest(
                $"FirstCheckedOn {Rfc3339Converter.ToRfc3339(first)} is invalid: a previous status document "
                + $"cannot be more than {AllowedClockSkew.TotalMinutes:0} minutes in the future or more than two "
                + "years old. Start the wait with only TransformId and TaskRunId.");
        }
    }

    private void LogFailure(InvocationContext context, TaskRunRequest? request, FunctionError error)
    {
        _logger.Error(
            "Task run status failed",
            new LogField(LogField.RequestId, context.RequestId),
            new LogField(LogField.TransformId, request?.TransformId),
            new LogField(LogField.TaskRunId, request?.TaskRunId),
            new LogField(LogField.ErrorType, error.ErrorType),
            new LogField(LogField.ErrorMessage, error.Message),
            new LogField(LogField.ExceptionType, error.InnerException?.GetType().FullName));
    }

    private static string Describe(string transformId, string taskRunId) =>
        $"task run '{IdRules.Quote(taskRunId)}' of transform '{IdRules.Quote(transformId)}'";
}
