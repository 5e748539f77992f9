namespace Countdown.Preprocess.Tests.Support;

/// <summary>What <see cref="HubTestServer"/> answers, including the broken answers a real network gives.</summary>
internal sealed record HubTestResponse(int Status, string Reason)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[] Body { get; init; } = [];

    /// <summary>The Content-Length to announce; the body length when null.</summary>
    public long? ContentLength { get; init; }

    /// <summary>Send only this many body bytes, then close the connection.</summary>
    public int? BreakAfter { get; init; }

    /// <summary>Send <see cref="BreakAfter"/> bytes, then keep the connection open and silent.</summary>
    public bool Stall { get; init; }

    /// <summary>Send the body one byte at a time with this pause between bytes (a trickling server).</summary>
    public TimeSpan? Trickle { get; init; }
}
