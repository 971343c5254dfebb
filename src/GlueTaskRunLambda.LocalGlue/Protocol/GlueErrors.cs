namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>
/// The errors that the endpoint sends, with the codes and status codes of Glue and of the
/// AWS front end that checks signatures.
/// </summary>
internal static class GlueErrors
{
    public static GlueErrorException EntityNotFound(string message) =>
        new(400, "EntityNotFoundException", message);

    /// <summary>
    /// Invalid or missing request members. Glue returns ValidationException for some of
    /// these, but this endpoint always returns InvalidInputException.
    /// </summary>
    public static GlueErrorException InvalidInput(string message) =>
        new(400, "InvalidInputException", message);

    public static GlueErrorException UnknownOperation(string message) =>
        new(400, "UnknownOperationException", message);

    public static GlueErrorException Throttling() =>
        new(400, "ThrottlingException", "Rate exceeded");

    public static GlueErrorException InternalService(string message) =>
        new(500, "InternalServiceException", message);

    public static GlueErrorException MissingAuthenticationToken() =>
        new(
            400,
            "MissingAuthenticationTokenException",
            "Missing Authentication Token: the request has no Authorization header. Sign it with AWS Signature Version 4.");

    public static GlueErrorException UnrecognizedClient() =>
        new(400, "UnrecognizedClientException", "The security token included in the request is invalid.");

    public static GlueErrorException IncompleteSignature(string message) =>
        new(400, "IncompleteSignatureException", message);

    public static GlueErrorException InvalidSignature(string message) =>
        new(400, "InvalidSignatureException", message);
}
