using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Hub;

public sealed partial class HubDatasetClientTests
{
    [Fact]
    public async Task ResolveSplitAsync_DeadDownloadLeftTemporary_RemovesIt()
    {
        var data = Path.Combine(cache.Path, RepoFolder, "snapshots", Commit, "data");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, $".train-00000-of-00002.parquet.{DeadProcess.Id()}.0.tmp"), "half a download");

        await ResolveAsync(Options());

        Assert.Equal(
            [$"{RepoFolder}/refs/main", $"{RepoFolder}/snapshots/{Commit}/{Train0}", $"{RepoFolder}/snapshots/{Commit}/{Train1}", $"{RepoFolder}/trees/{Commit}.json"],
            cache.Files());
    }
}
