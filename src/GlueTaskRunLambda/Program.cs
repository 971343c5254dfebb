using System.Globalization;
using GlueTaskRunLambda.Errors;
using GlueTaskRunLambda.Glue.Sdk;
using GlueTaskRunLambda.Hosting;
using GlueTaskRunLambda.Logging;
using GlueTaskRunLambda.Status;

namespace GlueTaskRunLambda;

/// <summary>
/// Entry point of the bootstrap executable: the Lambda custom runtime when
/// AWS_LAMBDA_RUNTIME_API is set, a one-shot local invoke otherwise.
/// </summary>
internal static class Program
{
    /// <summary>Exit code for a failure the function did not expect (sysexits' EX_SOFTWARE).</summary>
    private const int InternalFailure = 70;

    private static async Task<int> Main(string[] args)
    {
        try
        {
            return await RunAsync(args).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The last resort: whatever escaped is reported in one line, not a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            string message = SecretRedactor.FromEnvironment(Environment.GetEnvironmentVariable).Redact(exception.Message);
            TryWriteError($"bootstrap failed: {exception.GetType().Name}: {message}");
            return InternalFailure;
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        Func<string, string?> getVariable = Environment.GetEnvironmentVariable;
        string? runtimeApi = getVariable("AWS_LAMBDA_RUNTIME_API");
        bool inLambda = !string.IsNullOrEmpty(runtimeApi);
        TimeProvider time = TimeProvider.System;
        var redactor = SecretRedactor.FromEnvironment(getVariable);

        // Outside Lambda standard output carries the status document, so logs go to standard error.
        TextWriter standardError = OpenStandardError();
        var logger = FunctionLogger.FromEnvironment(getVariable, inLambda ? Console.Out : standardError, time, redactor);

        using var shutdown = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            shutdown.Cancel();
        };

        return inLambda
            ? await RunInLambdaAsync(runtimeApi!, getVariable, time, logger, redactor, shutdown.Token).ConfigureAwait(false)
            : await RunLocallyAsync(args, getVariable, time, logger, redactor, standardError, shutdown.Token)
                .ConfigureAwait(false);
    }

    private static async Task<int> RunInLambdaAsync(
        string runtimeApi,
        Func<string, string?> getVariable,
        TimeProvider time,
        FunctionLogger logger,
        SecretRedactor redactor,
        CancellationToken cancellationToken)
    {
        RuntimeApiClient runtimeClient;
        try
        {
            runtimeClient = new RuntimeApiClient(runtimeApi);
        }
        catch (UriFormatException exception)
        {
            logger.Log(LogLevel.Fatal, "AWS_LAMBDA_RUNTIME_API is invalid", new LogField(LogField.ErrorMessage, exception.Message));
            return 1;
        }

        using (runtimeClient)
        {
            if (!TryCreateFunction(getVariable, time, logger, redactor, out ILambdaFunction? function, out FunctionError? initError))
            {
                try
                {
                    await runtimeClient.PostInitErrorAsync(ErrorBodies.From(initError!), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is RuntimeApiPostException or RuntimeApiFatalException)
                {
                    logger.Log(
                        LogLevel.Fatal,
                        "Posting the init error to the Runtime API failed",
                        new LogField(LogField.ErrorMessage, exception.Message));
                }

                return 1;
            }

            var host = new LambdaRuntimeHost(runtimeClient, function!, logger);
            return await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> RunLocallyAsync(
        string[] args,
        Func<string, string?> getVariable,
        TimeProvider time,
        FunctionLogger logger,
        SecretRedactor redactor,
        TextWriter standardError,
        CancellationToken cancellationToken)
    {
        if (!TryReadLocalTimeout(getVariable, out TimeSpan timeout))
        {
            await standardError.WriteLineAsync(
                $"LOCAL_TIMEOUT_SECONDS '{getVariable(LocalTimeoutVariable)}' is invalid: it must be a whole number "
                + $"of seconds from 1 to {(int)TaskRunStatusHandler.MaxBudget.TotalSeconds}.").ConfigureAwait(false);
            return LocalInvoker.UsageError;
        }

        if (!TryCreateFunction(getVariable, time, logger, redactor, out ILambdaFunction? function, out FunctionError? configError))
        {
            await LocalInvoker.WriteErrorAsync(standardError, configError!).ConfigureAwait(false);
            return LocalInvoker.FunctionFailed;
        }

        var invoker = new LocalInvoker(function!, time, timeout);
        using Stream input = Console.OpenStandardInput();
        return await invoker.RunAsync(
                args,
                input,
                Console.Out,
                standardError,
                cancellationToken,
                inputIsTerminal: !Console.IsInputRedirected)
            .ConfigureAwait(false);
    }

    private static bool TryCreateFunction(
        Func<string, string?> getVariable,
        TimeProvider time,
        FunctionLogger logger,
        SecretRedactor redactor,
        out ILambdaFunction? function,
        out FunctionError? error)
    {
        try
        {
            FunctionSettings settings = FunctionSettings.FromEnvironment(getVariable);
            var glue = GlueClientFactory.Create(getVariable);
            var handler = new TaskRunStatusHandler(glue, settings, time, new PollPolicy(Random.Shared), logger, redactor);
            function = new StatusFunction(handler);
            error = null;
            return true;
        }
        catch (InvalidFunctionConfiguration exception)
        {
            logger.Log(
                LogLevel.Fatal,
                "The function's configuration is invalid",
                new LogField(LogField.ErrorType, exception.ErrorType),
                new LogField(LogField.ErrorMessage, exception.Message));
            function = null;
            error = exception;
            return false;
        }
    }

    private const string LocalTimeoutVariable = "LOCAL_TIMEOUT_SECONDS";

    private static bool TryReadLocalTimeout(Func<string, string?> getVariable, out TimeSpan timeout)
    {
        timeout = TimeSpan.FromSeconds(30);
        string? text = getVariable(LocalTimeoutVariable);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)
            || seconds < 1
            || seconds > TaskRunStatusHandler.MaxBudget.TotalSeconds)
        {
            return false;
        }

        timeout = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static void TryWriteError(string message)
    {
        try
        {
            Console.Error.WriteLine(message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Standard error is closed or full; the exit code still reports the failure.
        }
    }

    /// <summary>
    /// Returns standard error, or a writer that drops everything when the process was
    /// started with standard error closed, so that the status document still reaches
    /// standard output.
    /// </summary>
    private static TextWriter OpenStandardError()
    {
        try
        {
            TextWriter writer = Console.Error;
            writer.Flush();
            return writer;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return TextWriter.Null;
        }
    }
}
