namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>
/// Ids that an operation read from a request, kept for the request log and for
/// <see cref="LocalGlueRequest"/> even when the request fails validation later.
/// </summary>
internal sealed class CallDetails
{
    public string? TransformId { get; set; }

    public string? TaskRunId { get; set; }
}
