namespace GlueTaskRunLambda.Glue.Sdk;

/// <summary>
/// Reads every response body into memory before returning the response. The SDK parses
/// bodies with synchronous reads that no cancellation reaches, so a body that stalls would
/// otherwise hold the invocation past its deadline. Here the read honours the caller's
/// token and the attempt timeout, and a body over the size limit fails instead of
/// filling the function's memory.
/// </summary>
internal sealed class BufferedResponseHandler : DelegatingHandler
{
    private readonly TimeSpan _attemptTimeout;
    private readonly long _maxResponseBytes;

    public BufferedResponseHandler(TimeSpan attemptTimeout, long maxResponseBytes)
    {
        _attemptTimeout = attemptTimeout;
        _maxResponseBytes = maxResponseBytes;
    }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_attemptTimeout);

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                // The SDK would read a 3xx body as a result; Glue never redirects, so this
                // is not Glue speaking.
                throw new HttpRequestException(
                    $"The Glue endpoint returned the redirect {(int)response.StatusCode} to "
                    + $"'{response.Headers.Location}', which the function does not follow.");
            }

            await response.Content.LoadIntoBufferAsync(_maxResponseBytes, attempt.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException(
                $"Glue did not send a complete response within {_attemptTimeout.TotalSeconds:0.#} s.",
                exception);
        }
        catch (HttpRequestException exception) when (response is not null && (int)response.StatusCode is < 300 or >= 400)
        {
            response.Dispose();
            throw new HttpRequestException(
                $"Glue's response body could not be read whole ({exception.Message}); "
                + $"the function reads at most {_maxResponseBytes} bytes.",
                exception);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
