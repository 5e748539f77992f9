using System.Net;

namespace Countdown.Preprocess.Hub;

/// <summary>The one-sentence messages of <see cref="HubException"/>, in one place so they stay in one voice.</summary>
internal static class HubErrors
{
    private const string LocalHint = "use --input PATH with a local copy";
    private const string Discarded = "try again, the partial file was discarded";

    public static HubException Unreachable(Uri url, Exception error)
        => new(HubErrorKind.Network, $"Cannot reach '{Origin(url)}' ({Reason(error)}); check the network, or {LocalHint}.", error);

    public static HubException TimedOut(Uri url, TimeSpan timeout, Exception error)
        => new(HubErrorKind.Network, $"'{Origin(url)}' did not answer within {timeout.TotalSeconds:0.#} s; check the network, or {LocalHint}.", error);

    public static HubException UnreachableAndNotCached(HubException error, HubDatasetReference dataset, string split, string cacheRoot)
        => new(error.Kind, $"{Fact(error)}, and split '{split}' of '{dataset}' is not in the cache '{cacheRoot}' to fall back on; check the network, or {LocalHint}.", error);

    public static string FallbackWarning(HubException error, HubDatasetReference dataset, string commit)
        => $"{Fact(error)}; using the cached commit '{Short(commit)}' of '{dataset}'.";

    public static HubException NotCachedOffline(HubDatasetReference dataset, string split, string cacheRoot)
        => new(HubErrorKind.NotCached,
            $"Split '{split}' of '{dataset}' is not in the cache '{cacheRoot}' and offline mode is on (--offline or HF_HUB_OFFLINE); run once online to fill the cache, or {LocalHint}.");

    public static HubException CacheFailed(string cacheRoot, Exception error)
        => new(HubErrorKind.CacheFailed, $"Cannot write the cache '{cacheRoot}' ({Reason(error)}); set COUNTDOWN_CACHE to a writable folder.", error);

    public static HubException NoSplitFiles(HubDatasetReference dataset, string commit, string split, IReadOnlyList<string> splits)
        => new(HubErrorKind.NoSplitFiles, splits.Count == 0
            ? $"Dataset '{dataset.Repository}' at commit '{Short(commit)}' has no Parquet files under 'data/' for split '{split}' or any other; {LocalHint}."
            : $"Dataset '{dataset.Repository}' at commit '{Short(commit)}' has no Parquet files under 'data/' for split '{split}'; choose --split from: {string.Join(", ", splits)}.");

    public static HubException BadRevisionAnswer(Uri endpoint, HubDatasetReference dataset, Exception error)
        => new(HubErrorKind.InvalidResponse,
            $"The Hub at '{Origin(endpoint)}' answered the revision request for '{dataset}' with unexpected content ({Reason(error)}); check that HF_ENDPOINT points at a Hugging Face Hub.", error);

    public static HubException NoChecksum(Uri endpoint, HubDatasetReference dataset, string path)
        => new(HubErrorKind.InvalidResponse,
            $"The Hub at '{Origin(endpoint)}' announced no size or checksum for '{path}' of dataset '{dataset.Repository}', so the download cannot be verified; check that HF_ENDPOINT points at a Hugging Face Hub.");

    public static HubException UnknownChecksum(HubDatasetReference dataset, string path, string etag)
        => new(HubErrorKind.InvalidResponse,
            $"The Hub announced checksum '{etag}' for '{path}' of dataset '{dataset.Repository}', which is neither a SHA-256 nor a git SHA-1, so the download cannot be verified; {LocalHint}.");

    public static HubException WrongCommit(HubDatasetReference dataset, string path, string expected, string actual)
        => new(HubErrorKind.InvalidResponse,
            $"The Hub resolved '{path}' of dataset '{dataset.Repository}' at commit '{Short(expected)}' to commit '{Short(actual)}'; try again.");

    public static HubException TooManyRedirects(Uri url, int limit)
        => new(HubErrorKind.InvalidResponse, $"'{Origin(url)}' redirected more than {limit} times for '{url.AbsolutePath}'; try again later, or {LocalHint}.");

    public static HubException BodyTooLarge(Uri url, int limit)
        => new(HubErrorKind.InvalidResponse,
            $"'{Origin(url)}' answered '{url.AbsolutePath}' with more than {limit >> 20} MB, far more than a Hub revision answer; check that HF_ENDPOINT points at a Hugging Face Hub.");

    public static HubException TooSlow(HubDatasetReference dataset, string path, long received, long size, double rate, long minimum, TimeSpan window)
        => new(HubErrorKind.Network,
            $"Download of '{path}' from dataset '{dataset.Repository}' ran slower than {minimum} bytes/s ({rate:0} bytes/s over {window.TotalSeconds:0.#} s, {received} of {size} bytes); {Discarded}, or lower COUNTDOWN_HUB_MIN_RATE.");

    public static HubException BadRedirect(Uri url, string location)
        => new(HubErrorKind.InvalidResponse,
            $"'{Origin(url)}' redirected '{url.AbsolutePath}' to '{Tasks.MessageText.Quote(location)}', which is not an http(s) address; check HF_ENDPOINT, or {LocalHint}.");

    public static HubException Interrupted(HubDatasetReference dataset, string path, long received, long size, Exception error)
        => new(HubErrorKind.Interrupted,
            $"Download of '{path}' from dataset '{dataset.Repository}' broke off after {received} of {size} bytes ({Reason(error)}); {Discarded}.", error);

    public static HubException Stalled(HubDatasetReference dataset, string path, long received, long size, TimeSpan timeout, Exception error)
        => new(HubErrorKind.Network,
            $"Download of '{path}' from dataset '{dataset.Repository}' stalled for {timeout.TotalSeconds:0.#} s after {received} of {size} bytes; {Discarded}.", error);

    public static HubException SizeMismatch(HubDatasetReference dataset, string path, long received, long size)
        => new(HubErrorKind.SizeMismatch, received < size
            ? $"Download of '{path}' from dataset '{dataset.Repository}' ended after {received} of the {size} bytes the Hub announced; {Discarded}."
            : $"Download of '{path}' from dataset '{dataset.Repository}' sent more than the {size} bytes the Hub announced; {Discarded}.");

    public static HubException ChecksumMismatch(HubDatasetReference dataset, string path, string algorithm, string actual, string expected)
        => new(HubErrorKind.ChecksumMismatch,
            $"Download of '{path}' from dataset '{dataset.Repository}' has {algorithm} '{actual}' but the Hub announced '{expected}'; {Discarded}.");

    /// <summary>Maps a failed status; <paramref name="path"/> is null for the revision request.</summary>
    public static HubException ForStatus(HttpResponseMessage response, HubDatasetReference dataset, string? path, bool tokenSet, bool fromHub)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
        var what = path is null ? $"dataset '{dataset.Repository}'" : $"'{path}' of dataset '{dataset.Repository}'";
        var host = Origin(response.RequestMessage?.RequestUri);
        if (!fromHub)
            return new(HubErrorKind.HttpError, path is null
                ? $"The host '{host}' the Hub redirected to answered {status} for {what}; try again later, or {LocalHint}."
                : $"Download of {what} failed: the storage host '{host}' answered {status}; {Discarded}.");
        var code = Header(response, "X-Error-Code");
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized when tokenSet => new(HubErrorKind.Unauthorized,
                $"The Hub at '{host}' rejected the token in HF_TOKEN for {what} ({status}); set HF_TOKEN to a valid access token that can read it."),
            HttpStatusCode.Unauthorized => new(HubErrorKind.Unauthorized,
                $"The Hub at '{host}' refused {what} without a token ({status}): it does not exist, or it is private or gated; check the name, or set HF_TOKEN to an access token that can read it."),
            HttpStatusCode.Forbidden when tokenSet => new(HubErrorKind.Unauthorized,
                $"The token in HF_TOKEN may not read {what} ({status}); accept the dataset's conditions on its Hub page, or use a token with read access."),
            HttpStatusCode.Forbidden => new(HubErrorKind.Unauthorized,
                $"The Hub at '{host}' refused {what} without a token ({status}): it is gated or private; set HF_TOKEN to an access token that can read it."),
            HttpStatusCode.NotFound when code == "RevisionNotFound" => new(HubErrorKind.NotFound,
                $"Revision '{dataset.Revision}' of dataset '{dataset.Repository}' was not found on the Hub; check the branch, tag or commit after '@' in '{dataset}'."),
            HttpStatusCode.NotFound when path is not null => new(HubErrorKind.NotFound,
                $"The Hub at '{host}' has no {what} ({status}); the revision may have changed, try again."),
            HttpStatusCode.NotFound => new(HubErrorKind.NotFound,
                $"Dataset '{dataset.Repository}' was not found on the Hub at '{host}' ({status}); check the name in 'hf://datasets/{dataset.Repository}'."),
            _ when path is null => new(HubErrorKind.HttpError,
                $"The Hub at '{host}' answered {status} for {what}; try again later, or {LocalHint}."),
            _ => new(HubErrorKind.HttpError, $"Download of {what} failed: the Hub at '{host}' answered {status}; {Discarded}."),
        };
    }

    // Our messages read "fact; hint." and the hints hold no "; ", so the fact is all before the last one.
    private static string Fact(HubException error)
        => error.Message.LastIndexOf("; ", StringComparison.Ordinal) is var end and > 0 ? error.Message[..end] : error.Message.TrimEnd('.');

    public static string Origin(Uri? url) => url is null ? "?" : url.GetLeftPart(UriPartial.Authority);

    public static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    // The innermost useful reason, without its full stop, so it fits inside our sentence.
    private static string Reason(Exception error)
    {
        var reason = error is HttpRequestException { InnerException: { } inner } && string.IsNullOrWhiteSpace(error.Message) ? inner.Message : error.Message;
        return reason.Trim().TrimEnd('.');
    }
}
