using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Logging;

namespace GlueTaskRunLambda.Hosting;

/// <summary>
/// The custom runtime's event loop: take the next event from the Runtime API, run the
/// function, post its response or error, repeat until the Runtime API fails.
/// </summary>
internal sealed class LambdaRuntimeHost
{
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    private readonly RuntimeApiClient _runtimeApi;
    private readonly ILambdaFunction _function;
    private readonly FunctionLogger _logger;
    private readonly Action<string, string?> _setVariable;

    public LambdaRuntimeHost(
        RuntimeApiClient runtimeApi,
        ILambdaFunction function,
        FunctionLogger logger,
        Action<string, string?>? setVariable = null)
    {
        _runtimeApi = runtimeApi;
        _function = function;
        _logger = logger;
        _setVariable = setVariable ?? Environment.SetEnvironmentVariable;
    }

    /// <summary>
    /// Runs the loop until the Runtime API reports a broken environment or
    /// <paramref name="cancellationToken"/> fires; returns the process exit code.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                Invocation invocation = await _runtimeApi.NextAsync(cancellationToken).ConfigureAwait(false);
                await InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            }
            catch (RuntimeApiFatalException exception)
            {
                _logger.Log(
                    LogLevel.Fatal,
                    "The Lambda Runtime API failed; the runtime exits",
                    new LogField(LogField.ErrorMessage, exception.Message));
                return 1;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        return 0;
    }

    private async Task InvokeAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        InvocationContext context = invocation.Context;
        _setVariable(TraceIdVariable, context.TraceId);

        byte[]? response = null;
        FunctionError? failure = null;
        try
        {
            response = await _function.InvokeAsync(invocation.Body, context, cancellationToken).ConfigureAwait(false);
        }
        catch (FunctionError error)
        {
            failure = error;
        }

        try
        {
            PostOutcome outcome = failure is null
                ? await _runtimeApi.PostResponseAsync(context.RequestId, response!, cancellationToken).ConfigureAwait(false)
                : await _runtimeApi.PostErrorAsync(context.RequestId, ErrorBodies.From(failure), cancellationToken)
                    .ConfigureAwait(false);

            if (!outcome.Accepted && failure is null)
            {
                _logger.Error(
                    "The Runtime API rejected the response",
                    new LogField(LogField.RequestId, context.RequestId),
                    new LogField("statusCode", outcome.StatusCode),
                    new LogField("responseBytes", response!.Length));
            }
            else if (!outcome.Accepted)
            {
                _logger.Error(
                    "The Runtime API rejected the error",
                    new LogField(LogField.RequestId, context.RequestId),
                    new LogField("statusCode", outcome.StatusCode),
                    new LogField(LogField.ErrorType, failure!.ErrorType));
            }
        }
        catch (RuntimeApiPostException exception)
        {
            _logger.Error(
                "Posting the result to the Runtime API failed; the runtime takes the next event",
                new LogField(LogField.RequestId, context.RequestId),
                new LogField(LogField.ErrorMessage, exception.Message));
        }
    }
}
