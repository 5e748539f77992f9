using Countdown.Preprocess.Hub;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Hub;

/// <summary>What the client does when the Hub, its storage, the network or the cache fail: a clear error, nothing half-written.</summary>
public sealed partial class HubDatasetClientTests
{
    [Fact]
    public async Task ResolveSplitAsync_StorageAnswers500_ThrowsHttpErrorAndCachesNothing()
    {
        hub.StorageStatus = 500;

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options()));

        Assert.Equal(HubErrorKind.HttpError, error.Kind);
        Assert.Equal(
            $"Download of '{Train0}' of dataset '{HubTestRepository.Repository}' failed: the storage host 'http://localhost:{hub.Server.Port}' answered 500 Internal Server Error; try again, the partial file was discarded.",
            error.Message);
        AssertNothingButMetadataCached();
    }

    [Fact]
    public async Task ResolveSplitAsync_BodyShorterThanLinkedSize_ThrowsSizeMismatchAndCachesNothing()
    {
        hub.StorageShortBody = 1_000;

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options()));

        Assert.Equal(HubErrorKind.SizeMismatch, error.Kind);
        Assert.Equal(
            $"Download of '{Train0}' from dataset '{HubTestRepository.Repository}' ended after 1000 of the 1500000 bytes the Hub announced; try again, the partial file was discarded.",
            error.Message);
        AssertNothingButMetadataCached();
    }

    [Fact]
    public async Task ResolveSplitAsync_ConnectionDropsMidBody_ThrowsInterruptedAndCachesNothing()
    {
        hub.StorageBreakAfter = 100_000;

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options()));

        Assert.Equal(HubErrorKind.Interrupted, error.Kind);
        Assert.StartsWith($"Download of '{Train0}' from dataset '{HubTestRepository.Repository}' broke off after ", error.Message);
        AssertNothingButMetadataCached();
    }

    [Fact]
    public async Task ResolveSplitAsync_ContentDiffersFromLinkedEtag_ThrowsChecksumMismatchAndCachesNothing()
    {
        hub.StorageCorrupts = true;

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options()));

        Assert.Equal(HubErrorKind.ChecksumMismatch, error.Kind);
        Assert.Contains($"but the Hub announced '{HubTestRepository.Sha256(hub.Files[Train0])}'", error.Message);
        AssertNothingButMetadataCached();
    }

    [Fact]
    public async Task ResolveSplitAsync_StorageStalls_ThrowsNetworkAfterTimeoutAndCachesNothing()
    {
        hub.StorageBreakAfter = 1_000;
        hub.StorageStalls = true;

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options() with { Timeout = TimeSpan.FromSeconds(2) }));

        Assert.Equal(HubErrorKind.Network, error.Kind);
        Assert.Contains("stalled for 2 s after 1000 of 1500000 bytes", error.Message);
        AssertNothingButMetadataCached();
    }

    [Fact]
    public async Task ResolveSplitAsync_CancelledMidDownload_ThrowsCancelledAndCachesNothing()
    {
        hub.StorageBreakAfter = 1_000;
        hub.StorageStalls = true;
        using var cancel = new CancellationTokenSource();
        var cancelOnStart = new CancelOnStart(cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResolveAsync(Options() with { Progress = cancelOnStart }, cancellationToken: cancel.Token));

        AssertNothingButMetadataCached();
    }

    [Fact]
    public async Task ResolveSplitAsync_RetryAfterBrokenDownload_Succeeds()
    {
        hub.StorageShortBody = 1_000;
        await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options()));
        hub.StorageShortBody = null;

        var files = await ResolveAsync(Options());

        Assert.Equal(hub.Files[Train0], await File.ReadAllBytesAsync(files.LocalPaths[0]));
        Assert.Equal(hub.Files[Train1], await File.ReadAllBytesAsync(files.LocalPaths[1]));
    }

    [Fact]
    public async Task ResolveSplitAsync_PrivateRepoWithoutToken_ThrowsUnauthorizedAskingForToken()
    {
        hub.RequiredToken = HubTestRepository.Token;

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options(token: null)));

        Assert.Equal(HubErrorKind.Unauthorized, error.Kind);
        Assert.Equal(
            $"The Hub at '{hub.Endpoint}' refused dataset '{HubTestRepository.Repository}' without a token (401 Unauthorized): it does not exist, or it is private or gated; check the name, or set HF_TOKEN to an access token that can read it.",
            error.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public async Task ResolveSplitAsync_WrongToken_ThrowsUnauthorizedWithoutShowingToken()
    {
        hub.RequiredToken = "hf_the_right_one";

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options()));

        Assert.Equal(HubErrorKind.Unauthorized, error.Kind);
        Assert.Contains("rejected the token in HF_TOKEN", error.Message);
        Assert.DoesNotContain(HubTestRepository.Token, error.ToString());
    }

    [Fact]
    public async Task ResolveSplitAsync_GatedRepo403_ThrowsUnauthorized()
    {
        hub.RevisionStatus = 403;

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options()));

        Assert.Equal(HubErrorKind.Unauthorized, error.Kind);
        Assert.Equal(
            $"The token in HF_TOKEN may not read dataset '{HubTestRepository.Repository}' (403 Forbidden); accept the dataset's conditions on its Hub page, or use a token with read access.",
            error.Message);
    }

    [Fact]
    public async Task ResolveSplitAsync_UnknownRepository_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options(), dataset: new HubDatasetReference("test-owner/nope", "main")));

        Assert.Equal(HubErrorKind.NotFound, error.Kind);
        Assert.Equal(
            $"Dataset 'test-owner/nope' was not found on the Hub at '{hub.Endpoint}' (404 Not Found); check the name in 'hf://datasets/test-owner/nope'.",
            error.Message);
    }

    [Fact]
    public async Task ResolveSplitAsync_UnknownRevision_ThrowsNotFoundNamingRevision()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options(), dataset: Dataset with { Revision = "v9" }));

        Assert.Equal(HubErrorKind.NotFound, error.Kind);
        Assert.Equal(
            $"Revision 'v9' of dataset '{HubTestRepository.Repository}' was not found on the Hub; check the branch, tag or commit after '@' in 'hf://datasets/{HubTestRepository.Repository}@v9'.",
            error.Message);
    }

    [Fact]
    public async Task ResolveSplitAsync_SplitWithoutFiles_ThrowsNoSplitFilesListingSplits()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options(), split: "validation"));

        Assert.Equal(HubErrorKind.NoSplitFiles, error.Kind);
        Assert.Equal(
            $"Dataset '{HubTestRepository.Repository}' at commit '{Commit[..12]}' has no Parquet files under 'data/' for split 'validation'; choose --split from: test, train.",
            error.Message);
        Assert.DoesNotContain(cache.Files(), file => file.Contains("/snapshots/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResolveSplitAsync_RevisionAnswers500WithColdCache_ThrowsHttpErrorNamingInputAndCache()
    {
        hub.RevisionStatus = 500;

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options()));

        Assert.Equal(HubErrorKind.HttpError, error.Kind);
        Assert.Equal(
            $"The Hub at '{hub.Endpoint}' answered 500 Error for dataset '{HubTestRepository.Repository}', and split 'train' of 'hf://datasets/{HubTestRepository.Repository}@main' is not in the cache '{cache.Path}' to fall back on; check the network, or use --input PATH with a local copy.",
            error.Message);
    }

    [Fact]
    public async Task ResolveSplitAsync_ConnectionRefused_ThrowsNetworkNamingInputAndCache()
    {
        var endpoint = $"http://127.0.0.1:{HubTestServer.ClosedPort()}";

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options() with { Endpoint = endpoint }));

        Assert.Equal(HubErrorKind.Network, error.Kind);
        Assert.StartsWith($"Cannot reach '{endpoint}' (", error.Message);
        Assert.EndsWith($", and split 'train' of 'hf://datasets/{HubTestRepository.Repository}@main' is not in the cache '{cache.Path}' to fall back on; check the network, or use --input PATH with a local copy.", error.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public async Task ResolveSplitAsync_CacheIsAFile_ThrowsCacheFailed()
    {
        var blocked = Path.Combine(cache.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "x");

        var error = await Assert.ThrowsAsync<HubException>(() => ResolveAsync(Options() with { CacheDirectory = blocked }));

        Assert.Equal(HubErrorKind.CacheFailed, error.Kind);
        Assert.StartsWith($"Cannot write the cache '{blocked}' (", error.Message);
        Assert.EndsWith("); set COUNTDOWN_CACHE to a writable folder.", error.Message);
    }

    [Theory]
    [InlineData("ftp://hub.example.org", "Hub endpoint 'ftp://hub.example.org' is not an http(s) address; set HF_ENDPOINT like 'https://huggingface.co'.")]
    [InlineData("huggingface.co", "Hub endpoint 'huggingface.co' is not an http(s) address; set HF_ENDPOINT like 'https://huggingface.co'.")]
    public async Task ResolveSplitAsync_BadEndpoint_ThrowsUsageWithoutRequests(string endpoint, string message)
    {
        var error = await Assert.ThrowsAsync<Countdown.Preprocess.Tasks.UsageException>(() => ResolveAsync(Options() with { Endpoint = endpoint }));

        Assert.Equal(message, error.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public async Task ResolveSplitAsync_BadSplitName_ThrowsUsageWithoutRequests()
    {
        var error = await Assert.ThrowsAsync<Countdown.Preprocess.Tasks.UsageException>(() => ResolveAsync(Options(), split: "../train"));

        Assert.Equal("Split '../train' is not a split name; use letters, digits and '_' as in 'train' or 'test'.", error.Message);
        Assert.Empty(hub.Server.Requests);
    }

    // A failed download leaves the commit's file list (harmless, content-addressed) but no file, no temporary and no ref.
    private void AssertNothingButMetadataCached()
        => Assert.Equal([$"{RepoFolder}/trees/{Commit}.json"], cache.Files());

    private sealed class CancelOnStart(CancellationTokenSource cancel) : IProgress<HubDownloadProgress>
    {
        public void Report(HubDownloadProgress value)
        {
            // Late enough that the temporary file exists and the read is waiting on the stalled body.
            if (value.Stage == HubProgressStage.Started) cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        }
    }
}
