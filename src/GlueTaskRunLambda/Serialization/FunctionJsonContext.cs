using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GlueTaskRunLambda.Hosting;
using GlueTaskRunLambda.Status;

namespace GlueTaskRunLambda.Serialization;

/// <summary>
/// Source-generated JSON metadata for what the function writes: the status document and
/// Lambda's error body. Nulls are written so every document field is always present.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class FunctionJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the function writes with: non-ASCII text stays UTF-8 rather than
    /// \uXXXX escapes, while control characters and quotes are still escaped.
    /// </summary>
    public static FunctionJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });
}
