namespace GlueTaskRunLambda.LocalGlue;

/// <summary>Thread-safe list of the requests that a server received, in arrival order.</summary>
internal sealed class RequestJournal
{
    private readonly Lock _gate = new();
    private readonly List<LocalGlueRequest> _requests = [];

    public void Add(LocalGlueRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    /// <summary>Returns a copy, so callers can enumerate it while requests keep arriving.</summary>
    public IReadOnlyList<LocalGlueRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }
}
