namespace Countdown.Preprocess.Hub;

/// <summary>A final response, and whether it came from the Hub's own origin rather than a storage host.</summary>
internal sealed record HubResponse(HttpResponseMessage Message, bool FromHub) : IDisposable
{
    public void Dispose() => Message.Dispose();
}
