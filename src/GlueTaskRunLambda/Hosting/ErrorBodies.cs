using GlueTaskRunLambda.Errors;

namespace GlueTaskRunLambda.Hosting;

/// <summary>Builds the error body posted for a failed invocation.</summary>
internal static class ErrorBodies
{
    /// <summary>
    /// Returns the body for <paramref name="error"/>. The stack trace stays empty: it
    /// would show only the function's own frames, and the log has the details.
    /// </summary>
    public static ErrorBody From(FunctionError error) => new(error.ErrorType, error.Message, []);
}
