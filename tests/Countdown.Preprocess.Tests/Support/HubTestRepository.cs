using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>
/// One dataset repository answered as huggingface.co answers: the revision endpoint's JSON, LFS files whose resolve URL
/// answers 302 with X-Linked-Etag/X-Linked-Size/X-Repo-Commit and redirects to a storage path on another host name,
/// files kept in git answered directly, X-Error-Code on failures; plus switches that break things.
/// </summary>
internal sealed class HubTestRepository : IAsyncDisposable
{
    public const string Repository = "test-owner/countdown-tiny";
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";
    public const string Token = "hf_test_secret_token";

    public HubTestRepository()
    {
        // Listed out of name order on purpose: the client must sort.
        Files["data/train-00001-of-00002.parquet"] = Bytes(1_000, seed: 2);
        Files["README.md"] = Encoding.UTF8.GetBytes("# countdown-tiny\n");
        Files["data/test-00000-of-00001.parquet"] = Bytes(700, seed: 3);
        Files["data/train-00000-of-00002.parquet"] = Bytes(1_500_000, seed: 1);
        Server = new HubTestServer(Respond);
    }

    public HubTestServer Server { get; }

    /// <summary>Path to content, in the order the revision JSON lists them.</summary>
    public Dictionary<string, byte[]> Files { get; } = [];

    /// <summary>Paths served straight from git (200 with a git SHA-1 ETag) rather than through LFS storage.</summary>
    public HashSet<string> InGit { get; } = [];

    /// <summary>When set, requests to the Hub without this bearer token get 401 (as a private repo does).</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Forces this status on the revision endpoint (e.g. 403 for a gated repo, 500).</summary>
    public int? RevisionStatus { get; set; }

    /// <summary>An older name of the repository that the Hub redirects (relatively) to <see cref="Repository"/>.</summary>
    public string? OldName { get; set; }

    public int? StorageStatus { get; set; }

    /// <summary>Storage sends this many bytes with a matching Content-Length: a complete answer, but too short.</summary>
    public int? StorageShortBody { get; set; }

    /// <summary>Storage announces the full length, sends this many bytes, and closes the connection.</summary>
    public int? StorageBreakAfter { get; set; }

    public bool StorageStalls { get; set; }

    /// <summary>Storage flips one byte: same size, other content.</summary>
    public bool StorageCorrupts { get; set; }

    public string Endpoint => Server.Endpoint;

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string GitSha1(byte[] content)
        => Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {content.Length}\0"), .. content]));

    private static byte[] Bytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private HubTestResponse Respond(HubTestRequest request)
    {
        var path = request.Path;
        if (path.StartsWith("/storage/", StringComparison.Ordinal)) return Storage(path["/storage/".Length..]);
        if (RequiredToken is not null && request.Header("Authorization") != $"Bearer {RequiredToken}")
            return Error(401, "Unauthorized", "RepoNotFound");
        if (OldName is not null && path.Contains($"/{OldName}/", StringComparison.Ordinal))
            return Redirect(307, "Temporary Redirect", request.Target.Replace(OldName, Repository, StringComparison.Ordinal));

        var api = $"/api/datasets/{Repository}/revision/";
        if (path.StartsWith("/api/datasets/", StringComparison.Ordinal) && !path.StartsWith(api, StringComparison.Ordinal))
            return Error(404, "Not Found", "RepoNotFound");
        if (path.StartsWith(api, StringComparison.Ordinal)) return Revision(path[api.Length..]);

        var resolve = $"/datasets/{Repository}/resolve/{Commit}/";
        if (path.StartsWith(resolve, StringComparison.Ordinal)) return Resolve(path[resolve.Length..]);
        return Error(404, "Not Found", "EntryNotFound");
    }

    private HubTestResponse Revision(string revision)
    {
        if (RevisionStatus is { } status) return Error(status, status == 403 ? "Forbidden" : "Error", status == 403 ? "GatedRepo" : null);
        if (revision is not ("main" or Commit)) return Error(404, "Not Found", "RevisionNotFound");
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            _id = "6650f0c0a1b2c3d4e5f60718",
            id = Repository,
            author = "test-owner",
            sha = Commit,
            lastModified = "2025-01-01T00:00:00.000Z",
            @private = false,
            gated = false,
            disabled = false,
            tags = new[] { "size_categories:n<1K" },
            siblings = Files.Keys.Select(name => new { rfilename = name }).ToArray(),
        });
        return new HubTestResponse(200, "OK") { Body = json, Headers = [new("Content-Type", "application/json; charset=utf-8")] };
    }

    private HubTestResponse Resolve(string path)
    {
        if (!Files.TryGetValue(path, out var content)) return Error(404, "Not Found", "EntryNotFound");
        if (InGit.Contains(path))
            return new HubTestResponse(200, "OK")
            {
                Body = content,
                Headers = [new("ETag", $"\"{GitSha1(content)}\""), new("X-Repo-Commit", Commit), new("Content-Type", "application/octet-stream")],
            };
        var oid = Sha256(content);
        return new HubTestResponse(302, "Found")
        {
            Headers =
            [
                new("Location", $"{Server.OtherHost}/storage/{oid}?X-Amz-Signature=abc123&X-Amz-Expires=3600"),
                new("X-Linked-Etag", $"\"{oid}\""),
                new("X-Linked-Size", content.Length.ToString()),
                new("X-Repo-Commit", Commit),
                new("ETag", "\"5a7c1b9e3f00a2d4c6e8b0f2a4c6e8b0f2a4c6e8\""),
            ],
        };
    }

    private HubTestResponse Storage(string oid)
    {
        var content = Files.Values.FirstOrDefault(bytes => Sha256(bytes) == oid);
        if (content is null) return Error(404, "Not Found", null);
        if (StorageStatus is { } status) return Error(status, "Internal Server Error", null);
        var body = StorageCorrupts ? [.. content[..^1], (byte)(content[^1] ^ 0xFF)] : content;
        if (StorageShortBody is { } shortLength) body = body[..shortLength];
        return new HubTestResponse(200, "OK")
        {
            Body = body,
            BreakAfter = StorageBreakAfter,
            Stall = StorageStalls,
            // A storage ETag is an MD5-like tag, never the SHA-256: the client must not check against it.
            Headers = [new("ETag", $"\"{Convert.ToHexStringLower(MD5.HashData(content))}\""), new("Content-Type", "application/octet-stream")],
        };
    }

    private static HubTestResponse Redirect(int status, string reason, string location)
        => new(status, reason) { Headers = [new("Location", location)] };

    private static HubTestResponse Error(int status, string reason, string? code)
        => new(status, reason)
        {
            Body = Encoding.UTF8.GetBytes($"{{\"error\":\"{reason}\"}}"),
            Headers = code is null ? [] : [new("X-Error-Code", code), new("X-Error-Message", reason)],
        };
}
