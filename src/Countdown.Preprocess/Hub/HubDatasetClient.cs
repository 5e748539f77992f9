using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Hub;

/// <summary>Finds a split's Parquet files in a Hugging Face Hub dataset and brings them into the cache, verified.</summary>
/// <remarks>
/// Online, one revision request gives the commit and file list; files already cached for that commit are not fetched
/// again. Offline (or when the Hub cannot be reached) the cache alone answers, through the commit the revision last
/// resolved to. A download is written to a temporary file and renamed into place only once its size and SHA-256 match.
/// </remarks>
public sealed partial class HubDatasetClient
{
    /// <summary>Resolves <paramref name="dataset"/> to a commit and returns the files of <paramref name="split"/>, downloading the missing ones.</summary>
    /// <exception cref="UsageException">The dataset, split or endpoint is malformed.</exception>
    /// <exception cref="HubException">The Hub refused, failed or sent something that does not verify; or, offline, the cache lacks the split.</exception>
    public async Task<HubSplitFiles> ResolveSplitAsync(HubDatasetReference dataset, string split, HubOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        dataset = HubDatasetReference.Parse(dataset.ToString()) == dataset ? dataset
            : throw new UsageException($"Dataset '{dataset}' is not a valid Hub dataset; name it as 'OWNER/NAME' with a branch, tag or commit.");
        if (!HubSplits.IsValidName(split))
            throw new UsageException($"Split '{split}' is not a split name; use letters, digits and '_' as in 'train' or 'test'.");
        var endpoint = ParseEndpoint(options.Endpoint);
        if (string.IsNullOrWhiteSpace(options.CacheDirectory))
            throw new UsageException("The Hub cache folder is empty; set COUNTDOWN_CACHE to a folder, or leave it unset for '~/.cache/countdown-preprocess'.");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero);
        var cache = new HubCache(options.CacheDirectory, dataset);

        if (options.Offline)
            return await FromCacheAsync(cache, dataset, split, cancellationToken)
                   ?? throw HubErrors.NotCachedOffline(dataset, split, options.CacheDirectory);

        using var http = new HubHttp(endpoint, options.Token, options.Timeout, options.MinimumRate);
        HubRevision revision;
        try
        {
            revision = await GetRevisionAsync(http, dataset, cancellationToken);
        }
        catch (HubException error) when (error.Kind is HubErrorKind.Network or HubErrorKind.HttpError)
        {
            // As huggingface_hub does: a Hub that cannot be reached (or fails) is no reason to refuse a cached commit.
            var cached = await FromCacheAsync(cache, dataset, split, cancellationToken)
                         ?? throw HubErrors.UnreachableAndNotCached(error, dataset, split, options.CacheDirectory);
            return cached with { Warning = HubErrors.FallbackWarning(error, dataset, cached.Commit) };
        }

        await cache.WriteTreeAsync(revision, cancellationToken);
        var paths = HubSplits.FilesOf(revision.Files, split);
        if (paths.Count == 0) throw HubErrors.NoSplitFiles(dataset, revision.Commit, split, HubSplits.SplitsIn(revision.Files));
        var files = new List<HubFile>(paths.Count);
        foreach (var path in paths)
            files.Add(CachedFile(cache, revision.Commit, path, options.Progress)
                      ?? await DownloadAsync(http, cache, dataset, revision.Commit, path, options.Progress, cancellationToken));
        // The ref moves only once the split is complete, so an offline run never finds a half-fetched commit.
        if (!dataset.IsCommit) await cache.WriteRefAsync(dataset.Revision, revision.Commit, cancellationToken);
        return new HubSplitFiles(dataset, split, revision.Commit, files);
    }

    private static async Task<HubRevision> GetRevisionAsync(HubHttp http, HubDatasetReference dataset, CancellationToken cancellationToken)
    {
        var url = new Uri(http.Endpoint, $"api/datasets/{dataset.Repository}/revision/{Uri.EscapeDataString(dataset.Revision)}");
        using var response = await http.SendAsync(HttpMethod.Get, url, followAbsolute: true, cancellationToken);
        if (!response.Message.IsSuccessStatusCode)
            throw HubErrors.ForStatus(response.Message, dataset, path: null, http.HasToken, response.FromHub);
        var body = await http.ReadSmallBodyAsync(response.Message, cancellationToken);
        try
        {
            return HubRevision.Parse(body);
        }
        catch (FormatException error)
        {
            throw HubErrors.BadRevisionAnswer(http.Endpoint, dataset, error);
        }
    }

    /// <summary>The split as the cache alone knows it, or null when any part is missing.</summary>
    private static async Task<HubSplitFiles?> FromCacheAsync(HubCache cache, HubDatasetReference dataset, string split, CancellationToken cancellationToken)
    {
        var commit = dataset.IsCommit ? dataset.Revision : await cache.ReadRefAsync(dataset.Revision, cancellationToken);
        if (commit is null || await cache.ReadTreeAsync(commit, cancellationToken) is not { } tree) return null;
        var paths = HubSplits.FilesOf(tree.Files, split);
        if (paths.Count == 0) throw HubErrors.NoSplitFiles(dataset, commit, split, HubSplits.SplitsIn(tree.Files));
        var files = new List<HubFile>(paths.Count);
        foreach (var path in paths)
        {
            if (CachedFile(cache, commit, path, progress: null) is not { } file) return null;
            files.Add(file);
        }
        return new HubSplitFiles(dataset, split, commit, files);
    }

    // Only verified files are ever renamed into snapshots/, so being there is enough.
    private static HubFile? CachedFile(HubCache cache, string commit, string path, IProgress<HubDownloadProgress>? progress)
    {
        var local = new FileInfo(cache.FilePath(commit, path));
        if (!local.Exists) return null;
        progress?.Report(new HubDownloadProgress(HubProgressStage.CacheHit, path, local.Length, local.Length));
        return new HubFile(path, local.FullName, local.Length);
    }

    private static Uri ParseEndpoint(string endpoint)
        => Uri.TryCreate(endpoint.TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0
            ? url
            : throw new UsageException($"Hub endpoint '{endpoint}' is not an http(s) address; set HF_ENDPOINT like '{HubOptions.DefaultEndpoint}'.");
}
