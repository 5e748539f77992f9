namespace Countdown.Preprocess.Tests.Support;

/// <summary>A request as <see cref="HubTestServer"/> received it.</summary>
internal sealed record HubTestRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Uri.UnescapeDataString(Target.Split('?')[0]);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
