namespace Countdown.Preprocess.Hub;

/// <summary>Why reading from the Hugging Face Hub failed.</summary>
public enum HubErrorKind
{
    /// <summary>The Hub or its storage host cannot be reached, or did not answer in time.</summary>
    Network,

    /// <summary>The Hub refused access (401 or 403): a token is missing, invalid or lacks access.</summary>
    Unauthorized,

    /// <summary>The repository, revision or file does not exist (404).</summary>
    NotFound,

    /// <summary>The revision has no Parquet files for the split under <c>data/</c>.</summary>
    NoSplitFiles,

    /// <summary>The Hub or its storage host answered with an unexpected status (5xx, 429, ...).</summary>
    HttpError,

    /// <summary>A download broke off before its end.</summary>
    Interrupted,

    /// <summary>A download's size differs from the size the Hub announced.</summary>
    SizeMismatch,

    /// <summary>A download's checksum differs from the one the Hub announced.</summary>
    ChecksumMismatch,

    /// <summary>The Hub answered in a form we cannot use (bad JSON, missing headers, a loop of redirects).</summary>
    InvalidResponse,

    /// <summary>Offline, or the Hub unreachable, and the cache does not hold the split.</summary>
    NotCached,

    /// <summary>The cache folder cannot be written or read.</summary>
    CacheFailed,
}
