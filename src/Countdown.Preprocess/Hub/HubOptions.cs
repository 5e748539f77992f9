namespace Countdown.Preprocess.Hub;

/// <summary>Where and how to reach the Hugging Face Hub, and where to cache what it sends.</summary>
public sealed record HubOptions
{
    /// <summary>The public Hub, used when <c>HF_ENDPOINT</c> is not set.</summary>
    public const string DefaultEndpoint = "https://huggingface.co";

    /// <summary>Gets the Hub base address (<c>HF_ENDPOINT</c>); <see cref="DefaultEndpoint"/> by default.</summary>
    public string Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>Gets the access token sent as <c>Authorization: Bearer</c> to the Hub only (<c>HF_TOKEN</c>); none by default.</summary>
    public string? Token { get; init; }

    /// <summary>Gets the cache root (<c>COUNTDOWN_CACHE</c>); Hub files go under its <c>hub/</c> folder.</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory(_ => null);

    /// <summary>Gets whether to make no request at all and read only the cache (<c>--offline</c>, <c>HF_HUB_OFFLINE=1</c>).</summary>
    public bool Offline { get; init; }

    /// <summary>Gets how long to wait for a connection, for response headers, or between two reads of a body; 30 seconds by default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="MinimumRate"/>: 1 KiB/s, far below any working connection.</summary>
    public const long DefaultMinimumRate = 1024;

    /// <summary>Gets the slowest download accepted, in bytes per second averaged over each <see cref="Timeout"/> (<c>COUNTDOWN_HUB_MIN_RATE</c>); 0 accepts any rate.</summary>
    public long MinimumRate { get; init; } = DefaultMinimumRate;

    /// <summary>Gets the receiver of per-file progress (cache hits, download start, bytes, completion); none by default.</summary>
    /// <remarks>Reports are made on the downloading thread; pass a synchronous implementation to log them in order.</remarks>
    public IProgress<HubDownloadProgress>? Progress { get; init; }

    /// <summary>Reads <c>HF_ENDPOINT</c>, <c>HF_TOKEN</c>, <c>COUNTDOWN_CACHE</c>, <c>HF_HUB_OFFLINE</c>, <c>COUNTDOWN_HUB_TIMEOUT</c> and <c>COUNTDOWN_HUB_MIN_RATE</c>; <paramref name="offlineFlag"/> forces offline.</summary>
    public static HubOptions FromEnvironment(bool offlineFlag) => FromEnvironment(offlineFlag, Environment.GetEnvironmentVariable);

    internal static HubOptions FromEnvironment(bool offlineFlag, Func<string, string?> variable) => new()
    {
        Endpoint = NonEmpty(variable("HF_ENDPOINT"))?.TrimEnd('/') ?? DefaultEndpoint,
        Token = NonEmpty(variable("HF_TOKEN")),
        CacheDirectory = DefaultCacheDirectory(variable),
        Offline = offlineFlag || IsTrue(variable("HF_HUB_OFFLINE")),
        Timeout = NonEmpty(variable("COUNTDOWN_HUB_TIMEOUT")) is { } seconds ? ParseTimeout(seconds) : TimeSpan.FromSeconds(30),
        MinimumRate = NonEmpty(variable("COUNTDOWN_HUB_MIN_RATE")) is { } rate ? ParseRate(rate) : DefaultMinimumRate,
    };

    private static TimeSpan ParseTimeout(string text)
        => double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
           && seconds is > 0 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new Tasks.UsageException($"COUNTDOWN_HUB_TIMEOUT '{Tasks.MessageText.Quote(text)}' is not a number of seconds; set it between 0 and 86400, as in '30'.");

    private static long ParseRate(string text)
        => long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rate)
            ? rate
            : throw new Tasks.UsageException($"COUNTDOWN_HUB_MIN_RATE '{Tasks.MessageText.Quote(text)}' is not a whole number of bytes per second; set it to 0 or more, as in '1024' (0 accepts any rate).");

    // COUNTDOWN_CACHE, else the XDG cache home, else ~/.cache; our own folder, never huggingface_hub's.
    private static string DefaultCacheDirectory(Func<string, string?> variable)
        => NonEmpty(variable("COUNTDOWN_CACHE"))
           ?? Path.Combine(
               NonEmpty(variable("XDG_CACHE_HOME")) ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
               "countdown-preprocess");

    // The values huggingface_hub takes as true.
    private static bool IsTrue(string? value)
        => value?.Trim().ToUpperInvariant() is "1" or "ON" or "YES" or "TRUE";

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
