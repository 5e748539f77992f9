namespace Countdown.Preprocess.Hub;

/// <summary>The steps <see cref="HubDownloadProgress"/> reports.</summary>
public enum HubProgressStage
{
    /// <summary>The file is already in the cache; nothing is downloaded.</summary>
    CacheHit,

    /// <summary>The download starts.</summary>
    Started,

    /// <summary>More bytes arrived (reported about once per MiB).</summary>
    Receiving,

    /// <summary>The file arrived, its size and checksum match, and it is in the cache.</summary>
    Completed,
}
