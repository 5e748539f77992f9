using System.Text.Json;
using Countdown.Preprocess.Preparing;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Sharding;

public sealed class ShardedPrepareSummaryTests
{
    [Fact]
    public async Task ToJson_ShardedRun_ListsEveryShardWithItsRows()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Enumerable.Range(0, 1_200).Select(i => ((long)(10 + i % 80), new long[] { 1 + i % 90, 2 + i % 7, 3 })));
        var options = new PrepareOptions { InputPaths = [input], OutputDirectory = dir.File("out"), TrainSize = 1_000, TestSize = 100, MaxRowsPerFile = 400 };

        var result = await PrepareJob.RunAsync(options);
        using var summary = JsonDocument.Parse(PrepareSummary.ToJson(options, result, "test", new Dictionary<string, object?>()));

        var outputs = summary.RootElement.GetProperty("outputs").EnumerateArray()
            .Select(o => (Path.GetFileName(o.GetProperty("path").GetString()), o.GetProperty("rows").GetInt64())).ToArray();
        Assert.Equal(
            [("train-00000-of-00003.parquet", 400L), ("train-00001-of-00003.parquet", 400L), ("train-00002-of-00003.parquet", 200L), ("test-00000-of-00001.parquet", 100L)],
            outputs);
    }
}
