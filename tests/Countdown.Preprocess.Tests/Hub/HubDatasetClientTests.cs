using Countdown.Preprocess.Hub;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Hub;

/// <summary>The real client against <see cref="HubTestRepository"/> on 127.0.0.1: downloads, cache, offline.</summary>
public sealed partial class HubDatasetClientTests : IAsyncLifetime
{
    private const string Train0 = "data/train-00000-of-00002.parquet";
    private const string Train1 = "data/train-00001-of-00002.parquet";
    private const string Commit = HubTestRepository.Commit;
    private const string RepoFolder = "hub/datasets--test-owner--countdown-tiny";

    private static readonly HubDatasetReference Dataset = new(HubTestRepository.Repository, "main");

    private readonly HubTestRepository hub = new();
    private readonly TempDirectory cache = new();
    private readonly HubDatasetClient client = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        cache.Dispose();
    }

    [Fact]
    public async Task ResolveSplitAsync_ColdCache_DownloadsSplitFilesVerifiedInNameOrder()
    {
        var files = await ResolveAsync(Options());

        Assert.Equal(Commit, files.Commit);
        Assert.Equal([Train0, Train1], files.Files.Select(file => file.Path));
        Assert.Equal(hub.Files[Train0], await File.ReadAllBytesAsync(files.LocalPaths[0]));
        Assert.Equal(hub.Files[Train1], await File.ReadAllBytesAsync(files.LocalPaths[1]));
        Assert.Equal(hub.Files[Train0].Length, files.Files[0].Size);
        Assert.Null(files.Warning);
        Assert.Equal(
            [$"{RepoFolder}/refs/main", $"{RepoFolder}/snapshots/{Commit}/{Train0}", $"{RepoFolder}/snapshots/{Commit}/{Train1}", $"{RepoFolder}/trees/{Commit}.json"],
            cache.Files());
        Assert.Equal(Commit, await File.ReadAllTextAsync(Path.Combine(cache.Path, RepoFolder, "refs", "main")));
    }

    [Fact]
    public async Task ResolveSplitAsync_ColdCache_AsksLikeHuggingFaceHubAndKeepsTokenFromStorage()
    {
        await ResolveAsync(Options());

        var requests = hub.Server.Requests;
        var resolve0 = $"/datasets/{HubTestRepository.Repository}/resolve/{Commit}/{Train0}";
        var resolve1 = $"/datasets/{HubTestRepository.Repository}/resolve/{Commit}/{Train1}";
        var storage0 = $"/storage/{HubTestRepository.Sha256(hub.Files[Train0])}";
        var storage1 = $"/storage/{HubTestRepository.Sha256(hub.Files[Train1])}";
        Assert.Equal(
            [$"GET /api/datasets/{HubTestRepository.Repository}/revision/main", $"HEAD {resolve0}", $"GET {resolve0}", $"GET {storage0}", $"HEAD {resolve1}", $"GET {resolve1}", $"GET {storage1}"],
            requests.Select(request => $"{request.Method} {request.Path}"));
        var toStorage = requests.Where(request => request.Path.StartsWith("/storage/", StringComparison.Ordinal)).ToArray();
        var toHub = requests.Except(toStorage).ToArray();
        Assert.Equal(2, toStorage.Length);
        Assert.All(toHub, request => Assert.Equal($"Bearer {HubTestRepository.Token}", request.Header("Authorization")));
        Assert.All(toHub, request => Assert.Equal($"127.0.0.1:{hub.Server.Port}", request.Header("Host")));
        Assert.All(toStorage, request => Assert.Null(request.Header("Authorization")));
        Assert.All(toStorage, request => Assert.Equal($"localhost:{hub.Server.Port}", request.Header("Host")));
        Assert.All(requests, request => Assert.Equal("identity", request.Header("Accept-Encoding")));
    }

    [Fact]
    public async Task ResolveSplitAsync_WarmCache_MakesOnlyTheRevisionRequest()
    {
        var first = await ResolveAsync(Options());
        hub.Server.ClearRequests();
        var progress = new ProgressLog();

        var second = await ResolveAsync(Options() with { Progress = progress });

        var request = Assert.Single(hub.Server.Requests);
        Assert.Equal($"GET /api/datasets/{HubTestRepository.Repository}/revision/main", $"{request.Method} {request.Path}");
        Assert.Equal(first.LocalPaths, second.LocalPaths);
        Assert.Equal([HubProgressStage.CacheHit, HubProgressStage.CacheHit], progress.Reports.Select(report => report.Stage));
    }

    [Fact]
    public async Task ResolveSplitAsync_OfflineWarmCache_MakesNoRequest()
    {
        var online = await ResolveAsync(Options());
        hub.Server.ClearRequests();

        var offline = await ResolveAsync(Options(offline: true));

        Assert.Empty(hub.Server.Requests);
        Assert.Equal(online.Commit, offline.Commit);
        Assert.Equal(online.LocalPaths, offline.LocalPaths);
    }

    [Fact]
    public async Task ResolveSplitAsync_OfflineColdCache_ThrowsNotCachedWithoutRequests()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options(offline: true)));

        Assert.Equal(HubErrorKind.NotCached, error.Kind);
        Assert.Equal(
            $"Split 'train' of 'hf://datasets/{HubTestRepository.Repository}@main' is not in the cache '{cache.Path}' and offline mode is on (--offline or HF_HUB_OFFLINE); run once online to fill the cache, or use --input PATH with a local copy.",
            error.Message);
        Assert.Empty(hub.Server.Requests);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public async Task ResolveSplitAsync_OfflineOtherSplitOfCachedCommit_ThrowsNotCached()
    {
        await ResolveAsync(Options());

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options(offline: true), split: "test"));

        Assert.Equal(HubErrorKind.NotCached, error.Kind);
    }

    [Fact]
    public async Task ResolveSplitAsync_CommitRevision_CachedWithoutRefAndReadOffline()
    {
        var pinned = Dataset with { Revision = Commit };
        await ResolveAsync(Options(), dataset: pinned);
        hub.Server.ClearRequests();

        var offline = await ResolveAsync(Options(offline: true), dataset: pinned);

        Assert.Empty(hub.Server.Requests);
        Assert.Equal(Commit, offline.Commit);
        Assert.DoesNotContain(cache.Files(), file => file.Contains("/refs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResolveSplitAsync_TestSplit_ReturnsOnlyItsFile()
    {
        var files = await ResolveAsync(Options(), split: "test");

        var file = Assert.Single(files.Files);
        Assert.Equal("data/test-00000-of-00001.parquet", file.Path);
        Assert.Equal(hub.Files[file.Path], await File.ReadAllBytesAsync(file.LocalPath));
    }

    [Fact]
    public async Task ResolveSplitAsync_Download_ReportsStartBytesAndCompletion()
    {
        var progress = new ProgressLog();

        await ResolveAsync(Options() with { Progress = progress });

        var first = progress.Reports.Where(report => report.Path == Train0).ToArray();
        Assert.Equal(HubProgressStage.Started, first[0].Stage);
        Assert.Contains(first, report => report.Stage == HubProgressStage.Receiving && report.BytesReceived is > 0 and < 1_500_000);
        Assert.Equal(new HubDownloadProgress(HubProgressStage.Completed, Train0, 1_500_000, 1_500_000), first[^1]);
    }

    [Fact]
    public async Task ResolveSplitAsync_FileKeptInGit_VerifiedByGitSha1WithoutStorage()
    {
        hub.InGit.Add(Train1);

        var files = await ResolveAsync(Options());

        Assert.Equal(hub.Files[Train1], await File.ReadAllBytesAsync(files.LocalPaths[1]));
        Assert.Single(hub.Server.Requests, request => request.Path.StartsWith("/storage/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResolveSplitAsync_RenamedPrivateRepository_FollowsRelativeRedirectKeepingToken()
    {
        hub.OldName = "test-owner/old-name";
        hub.RequiredToken = HubTestRepository.Token;

        var files = await ResolveAsync(Options(), dataset: new HubDatasetReference("test-owner/old-name", "main"));

        Assert.Equal(hub.Files[Train0], await File.ReadAllBytesAsync(files.LocalPaths[0]));
        Assert.Contains(hub.Server.Requests, request => request.Path == $"/api/datasets/{HubTestRepository.Repository}/revision/main"
            && request.Header("Authorization") == $"Bearer {HubTestRepository.Token}");
    }

    [Fact]
    public async Task ResolveSplitAsync_HubUnreachableWithWarmCache_UsesCacheWithWarning()
    {
        var online = await ResolveAsync(Options());
        var endpoint = $"http://127.0.0.1:{HubTestServer.ClosedPort()}";

        var fallback = await ResolveAsync(Options() with { Endpoint = endpoint });

        Assert.Equal(online.LocalPaths, fallback.LocalPaths);
        Assert.NotNull(fallback.Warning);
        Assert.StartsWith($"Cannot reach '{endpoint}' (", fallback.Warning);
        Assert.EndsWith($"); using the cached commit '{Commit[..12]}' of 'hf://datasets/{HubTestRepository.Repository}@main'.", fallback.Warning);
    }

    private HubOptions Options(string? token = HubTestRepository.Token, bool offline = false) => new()
    {
        Endpoint = hub.Endpoint,
        Token = token,
        CacheDirectory = cache.Path,
        Offline = offline,
        Timeout = TimeSpan.FromSeconds(20),
    };

    private Task<HubSplitFiles> ResolveAsync(HubOptions options, string split = "train", HubDatasetReference? dataset = null, CancellationToken cancellationToken = default)
        => client.ResolveSplitAsync(dataset ?? Dataset, split, options, cancellationToken);

    /// <summary>Records reports as they are made, in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class ProgressLog : IProgress<HubDownloadProgress>
    {
        private readonly List<HubDownloadProgress> reports = [];

        public IReadOnlyList<HubDownloadProgress> Reports
        {
            get { lock (reports) return reports.ToArray(); }
        }

        public void Report(HubDownloadProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
