using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

[Collection(EnvironmentCollection.Name)]
public sealed class PrepareCommandHubTests
{
    private static (long, long[])[] MakeTasks(int count, int salt)
        => Enumerable.Range(0, count).Select(i => ((long)(10 + (i * 7 + salt) % 90), new long[] { 1 + i % 97, 2 + (i + salt) % 50, 3 + i % 13 })).ToArray();

    [Fact]
    public async Task Prepare_HubInput_ReadsSplitFilesInNameOrderThenWorksOffline()
    {
        await using var hub = new HubTestRepository();
        using var dir = new TempDirectory();
        var first = MakeTasks(6, 1);
        var second = MakeTasks(5, 2);
        PyarrowLayoutFiles.WriteRawTasks(dir.File("a.parquet"), first);
        PyarrowLayoutFiles.WriteRawTasks(dir.File("b.parquet"), second);
        hub.Files["data/train-00000-of-00002.parquet"] = File.ReadAllBytes(dir.File("a.parquet"));
        hub.Files["data/train-00001-of-00002.parquet"] = File.ReadAllBytes(dir.File("b.parquet"));
        using var env = new EnvironmentScope(("HF_ENDPOINT", hub.Endpoint), ("HF_TOKEN", null), ("HF_HUB_OFFLINE", null), ("COUNTDOWN_CACHE", dir.File("cache")));
        string[] args = ["prepare", "--input", $"hf://datasets/{HubTestRepository.Repository}", "--train-size", "8", "--test-size", "2"];

        var online = await CliRun.RunAsync([.. args, "--local-dir", dir.File("out")]);
        hub.Server.ClearRequests();
        var offline = await CliRun.RunAsync([.. args, "--offline", "--local-dir", dir.File("out2")]);

        Assert.Equal(0, online.ExitCode);
        Assert.Equal(0, offline.ExitCode);
        Assert.Empty(hub.Server.Requests);
        var train = await ParquetWriterTestFiles.ReadRowsAsJsonAsync(Path.Combine(dir.File("out"), "train.parquet"));
        var test = await ParquetWriterTestFiles.ReadRowsAsJsonAsync(Path.Combine(dir.File("out"), "test.parquet"));
        var all = first.Concat(second).ToArray();
        Assert.Equal(all.Take(8).Select(t => $"{{\"target\":{t.Item1},\"nums\":[{string.Join(",", t.Item2)}]"), train.Select(r => r[..r.IndexOf(",\"data_source\"", StringComparison.Ordinal)]));
        Assert.Equal(all.Skip(8).Take(2).Select(t => $"{{\"target\":{t.Item1},\"nums\":[{string.Join(",", t.Item2)}]"), test.Select(r => r[..r.IndexOf(",\"data_source\"", StringComparison.Ordinal)]));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.File("out"), "train.parquet")), File.ReadAllBytes(Path.Combine(dir.File("out2"), "train.parquet")));
    }

    [Fact]
    public async Task Prepare_HubUnreachable_ExitsWithHubCodeAndHint()
    {
        using var dir = new TempDirectory();
        using var env = new EnvironmentScope(("HF_ENDPOINT", $"http://127.0.0.1:{HubTestServer.ClosedPort()}"), ("HF_TOKEN", null), ("HF_HUB_OFFLINE", null), ("COUNTDOWN_CACHE", dir.File("cache")));

        var run = await CliRun.RunAsync("prepare", "--local-dir", dir.File("out"));

        Assert.Equal(7, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains("--input PATH", run.Error);
        Assert.False(Directory.Exists(dir.File("out")));
    }
}
