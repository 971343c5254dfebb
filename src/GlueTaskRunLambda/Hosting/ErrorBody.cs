using System.Text.Json.Serialization;

namespace GlueTaskRunLambda.Hosting;

/// <summary>The error body the Lambda Runtime API expects, and the local invoke prints.</summary>
internal sealed record ErrorBody(
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace);
