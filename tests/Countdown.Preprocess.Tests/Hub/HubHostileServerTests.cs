using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Countdown.Preprocess.Hub;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Hub;

/// <summary>A Hub that answers with hostile content (odd redirects, huge or trickling bodies) gets a bounded, one-line failure.</summary>
public sealed class HubHostileServerTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private const string Repository = "test-owner/hostile";
    private static readonly HubDatasetReference Dataset = new(Repository, "main");

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/data.parquet")]
    [InlineData("http://[::1")]
    [InlineData("gopher://x")]
    public async Task ResolveSplitAsync_RedirectToNonHttpAddress_ThrowsInvalidResponse(string location)
    {
        await using var server = new HubTestServer(_ => new HubTestResponse(302, "Found") { Headers = [new("Location", location)] });
        using var cache = new TempDirectory();

        var error = await Assert.ThrowsAsync<HubException>(() => new HubDatasetClient().ResolveSplitAsync(Dataset, "train", Options(server, cache), CancellationToken.None));

        Assert.Equal(HubErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("which is not an http(s) address", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task ResolveSplitAsync_HugeRevisionBody_ThrowsInvalidResponseSayingTooLarge()
    {
        var body = new byte[HubHttp.MaxApiBodyBytes + 1024];
        Array.Fill(body, (byte)' ');
        await using var server = new HubTestServer(_ => new HubTestResponse(200, "OK") { Body = body });
        using var cache = new TempDirectory();

        var error = await Assert.ThrowsAsync<HubException>(() => new HubDatasetClient().ResolveSplitAsync(Dataset, "train", Options(server, cache), CancellationToken.None));

        Assert.Equal(HubErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("more than", error.Message);
        Assert.Contains("MB", error.Message);
    }

    [Fact]
    public async Task ResolveSplitAsync_DownloadTrickles_FailsOnceBelowMinimumRate()
    {
        var content = Encoding.ASCII.GetBytes(new string('x', 2_000));
        var oid = Convert.ToHexStringLower(SHA256.HashData(content));
        const string file = "data/train-00000-of-00001.parquet";
        await using var server = new HubTestServer(request => request.Path switch
        {
            var p when p.StartsWith("/api/", StringComparison.Ordinal) => new HubTestResponse(200, "OK")
            {
                Body = Encoding.UTF8.GetBytes($$"""{"sha": "{{Commit}}", "siblings": [{"rfilename": "{{file}}"}]}"""),
            },
            var p when p.Contains("/resolve/", StringComparison.Ordinal) => new HubTestResponse(200, "OK")
            {
                Body = content,
                Headers = [new("X-Linked-Etag", $"\"{oid}\""), new("X-Linked-Size", content.Length.ToString()), new("X-Repo-Commit", Commit)],
                Trickle = TimeSpan.FromMilliseconds(20),
            },
            _ => new HubTestResponse(404, "Not Found"),
        });
        using var cache = new TempDirectory();
        // A 2 s window: long enough that the small API and HEAD answers always arrive on a busy machine, while the
        // trickle (one byte every 20 ms, 50 B/s; the whole file would take 40 s) stays far below the minimum rate.
        var options = Options(server, cache) with { Timeout = TimeSpan.FromSeconds(2), MinimumRate = 1_000 };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<HubException>(() => new HubDatasetClient().ResolveSplitAsync(Dataset, "train", options, CancellationToken.None));

        Assert.Equal(HubErrorKind.Network, error.Kind);
        Assert.Contains("slower than", error.Message);
        Assert.Contains("COUNTDOWN_HUB_MIN_RATE", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("COUNTDOWN_HUB_TIMEOUT", "2.5", "Timeout", 2.5)]
    [InlineData("COUNTDOWN_HUB_MIN_RATE", "4096", "MinimumRate", 4096)]
    public void FromEnvironment_Override_IsRead(string name, string value, string property, double expected)
    {
        var options = HubOptions.FromEnvironment(false, variable => variable == name ? value : null);

        var actual = property == "Timeout" ? options.Timeout.TotalSeconds : options.MinimumRate;
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("COUNTDOWN_HUB_TIMEOUT", "soon")]
    [InlineData("COUNTDOWN_HUB_TIMEOUT", "0")]
    [InlineData("COUNTDOWN_HUB_MIN_RATE", "-1")]
    public void FromEnvironment_BadOverride_ThrowsUsageNamingTheVariable(string name, string value)
    {
        var error = Assert.Throws<UsageException>(() => HubOptions.FromEnvironment(false, variable => variable == name ? value : null));

        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Parse_RevisionSegmentLongerThanAFileName_ThrowsUsage()
    {
        var error = Assert.Throws<UsageException>(() => HubDatasetReference.Parse($"hf://datasets/{Repository}@{new string('a', 200)}"));

        Assert.Contains("revision", error.Message);
    }

    private static HubOptions Options(HubTestServer server, TempDirectory cache) => new()
    {
        Endpoint = server.Endpoint,
        CacheDirectory = cache.Path,
        Timeout = TimeSpan.FromSeconds(10),
    };
}
