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
    private static async Task<int> Main(string[] args)
    {
        Func<string, string?> getVariable = Environment.GetEnvironmentVariable;
        string? runtimeApi = getVariable("AWS_LAMBDA_RUNTIME_API");
        bool inLambda = !string.IsNullOrEmpty(runtimeApi);
        TimeProvider time = TimeProvider.System;
        var redactor = SecretRedactor.FromEnvironment(getVariable);

        // Outside Lambda standard output carries the status document, so logs go to standard error.
        var logger = FunctionLogger.FromEnvironment(getVariable, inLambda ? Console.Out : Console.Error, time, redactor);

        using var shutdown = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            shutdown.Cancel();
        };

        if (inLambda)
        {
            using var runtimeClient = new RuntimeApiClient(runtimeApi!);
            if (!TryCreateFunction(getVariable, time, logger, redactor, out ILambdaFunction? function, out FunctionError? initError))
            {
                await runtimeClient.PostInitErrorAsync(ErrorBodies.From(initError!), shutdown.Token).ConfigureAwait(false);
                return 1;
            }

            var host = new LambdaRuntimeHost(runtimeClient, function!, logger);
            return await host.RunAsync(shutdown.Token).ConfigureAwait(false);
        }

        if (!TryCreateFunction(getVariable, time, logger, redactor, out ILambdaFunction? localFunction, out FunctionError? configError))
        {
            await Console.Error.WriteLineAsync(configError!.Message).ConfigureAwait(false);
            return LocalInvoker.UsageError;
        }

        var invoker = new LocalInvoker(localFunction!, time, ReadLocalTimeout(getVariable));
        using Stream input = Console.OpenStandardInput();
        return await invoker.RunAsync(args, input, Console.Out, Console.Error, shutdown.Token).ConfigureAwait(false);
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

    private static TimeSpan ReadLocalTimeout(Func<string, string?> getVariable) =>
        int.TryParse(getVariable("LOCAL_TIMEOUT_SECONDS"), out int seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(30);
}
