using System.Security.Cryptography;
using System.Text;
using Countdown.Preprocess.Output;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Hub;

public sealed partial class HubDatasetClient
{
    private const int BufferSize = 1 << 16;
    private const long ReportEvery = 1 << 20;

    /// <summary>HEAD for the announced size and checksum, then GET through the redirect into a temporary file, verify, rename.</summary>
    private static async Task<HubFile> DownloadAsync(HubHttp http, HubCache cache, HubDatasetReference dataset, string commit, string path,
        IProgress<HubDownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var url = new Uri(http.Endpoint, $"datasets/{dataset.Repository}/resolve/{commit}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}");
        var expected = await GetMetadataAsync(http, url, dataset, commit, path, cancellationToken);
        var target = cache.FilePath(commit, path);
        // The one commit protocol of the tool: temporary name, fsync, checked rename under the folder's lock.
        await using var set = new AtomicFileSet();
        try
        {
            using var response = await http.SendAsync(HttpMethod.Get, url, followAbsolute: true, cancellationToken);
            if (!response.Message.IsSuccessStatusCode)
                throw HubErrors.ForStatus(response.Message, dataset, path, http.HasToken, response.FromHub);
            progress?.Report(new HubDownloadProgress(HubProgressStage.Started, path, 0, expected.Size));
            var digest = await CopyToFileAsync(http, response.Message, set, target, expected, dataset, path, progress, cancellationToken);
            if (!string.Equals(digest, expected.Digest, StringComparison.OrdinalIgnoreCase))
                throw HubErrors.ChecksumMismatch(dataset, path, expected.Algorithm, digest, expected.Digest);
            set.Commit(cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or OutputException)
        {
            throw cache.CacheFailed(error);
        }
        progress?.Report(new HubDownloadProgress(HubProgressStage.Completed, path, expected.Size, expected.Size));
        return new HubFile(path, target, expected.Size);
    }

    /// <summary>Reads <c>X-Linked-Size</c>/<c>X-Linked-Etag</c> (LFS: SHA-256) or, for a file kept in git, <c>Content-Length</c>/<c>ETag</c> (git SHA-1).</summary>
    private static async Task<ExpectedContent> GetMetadataAsync(HubHttp http, Uri url, HubDatasetReference dataset, string commit, string path, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(HttpMethod.Head, url, followAbsolute: false, cancellationToken);
        var message = response.Message;
        var status = (int)message.StatusCode;
        if (status is < 200 or >= 400) throw HubErrors.ForStatus(message, dataset, path, http.HasToken, response.FromHub);
        if (Header(message, "X-Repo-Commit") is { } actual && !string.Equals(actual, commit, StringComparison.OrdinalIgnoreCase))
            throw HubErrors.WrongCommit(dataset, path, commit, actual);
        var linked = Header(message, "X-Linked-Etag");
        var etag = linked ?? (message.IsSuccessStatusCode ? message.Headers.ETag?.Tag : null);
        var sizeText = Header(message, "X-Linked-Size") ?? (message.IsSuccessStatusCode ? message.Content.Headers.ContentLength?.ToString() : null);
        if (etag is null || !long.TryParse(sizeText, out var size) || size < 0) throw HubErrors.NoChecksum(http.Endpoint, dataset, path);
        var digest = etag.Trim().TrimStart('W', '/').Trim('"').ToLowerInvariant();
        return digest.Length switch
        {
            64 when digest.All(char.IsAsciiHexDigitLower) => new ExpectedContent(size, "SHA-256", digest),
            40 when linked is null && digest.All(char.IsAsciiHexDigitLower) => new ExpectedContent(size, "git SHA-1", digest),
            _ => throw HubErrors.UnknownChecksum(dataset, path, etag),
        };
    }

    /// <summary>Streams the body into the set's temporary file for <paramref name="target"/>, hashing as it goes; returns the hex digest once the size matches.</summary>
    private static async Task<string> CopyToFileAsync(HubHttp http, HttpResponseMessage response, AtomicFileSet set, string target, ExpectedContent expected,
        HubDatasetReference dataset, string path, IProgress<HubDownloadProgress>? progress, CancellationToken cancellationToken)
    {
        using var hash = expected.Algorithm == "SHA-256" ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        // Git names a blob by the SHA-1 of a "blob {size}\0" header followed by the content.
        if (expected.Algorithm != "SHA-256") hash.AppendData(Encoding.ASCII.GetBytes($"blob {expected.Size}\0"));
        var buffer = new byte[BufferSize];
        long received = 0, reported = 0;
        await using (var file = set.Create(target))
        {
            await using var body = await OpenBodyAsync(response, dataset, path, expected.Size, cancellationToken);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var window = System.Diagnostics.Stopwatch.StartNew();
            long windowStart = 0;
            while (true)
            {
                int read;
                idle.CancelAfter(http.Timeout);
                try
                {
                    read = await body.ReadAsync(buffer, idle.Token);
                }
                catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
                {
                    throw HubErrors.Stalled(dataset, path, received, expected.Size, http.Timeout, error);
                }
                catch (Exception error) when (error is IOException or HttpRequestException)
                {
                    throw HubErrors.Interrupted(dataset, path, received, expected.Size, error);
                }
                if (read == 0) break;
                received += read;
                if (received > expected.Size) throw HubErrors.SizeMismatch(dataset, path, received, expected.Size);
                // A trickle that never stalls long enough to time out still has to end: check the rate over each window.
                if (http.MinimumRate > 0 && window.Elapsed >= http.Timeout)
                {
                    var rate = (received - windowStart) / window.Elapsed.TotalSeconds;
                    if (rate < http.MinimumRate) throw HubErrors.TooSlow(dataset, path, received, expected.Size, rate, http.MinimumRate, window.Elapsed);
                    windowStart = received;
                    window.Restart();
                }
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                if (received - reported >= ReportEvery)
                {
                    reported = received;
                    progress?.Report(new HubDownloadProgress(HubProgressStage.Receiving, path, received, expected.Size));
                }
            }
            await file.FlushAsync(cancellationToken);
        }
        if (received != expected.Size) throw HubErrors.SizeMismatch(dataset, path, received, expected.Size);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<Stream> OpenBodyAsync(HttpResponseMessage response, HubDatasetReference dataset, string path, long size, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch (Exception error) when (error is IOException or HttpRequestException)
        {
            throw HubErrors.Interrupted(dataset, path, 0, size, error);
        }
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.NonValidated.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value.Trim() : null;

    /// <summary>The size and digest the Hub announced for a file.</summary>
    private sealed record ExpectedContent(long Size, string Algorithm, string Digest);
}
