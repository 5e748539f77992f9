using Countdown.Preprocess.Preparing;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Preparing;

public sealed class PrepareJobTests
{
    private static string WriteJsonl(TempDirectory dir, int count)
        => dir.WriteJsonl(Enumerable.Range(0, count).Select(i => ((long)(10 + i % 80), new long[] { 1 + i % 90, 2 + i % 7, 3 })));

    [Fact]
    public async Task RunAsync_CancelledWhileWritingTrain_LeavesOldFilesAndNoTemporaries()
    {
        using var dir = new TempDirectory();
        var input = WriteJsonl(dir, 40_000);
        var output = Directory.CreateDirectory(dir.File("out")).FullName;
        File.WriteAllText(Path.Combine(output, "train.parquet"), "old train");
        File.WriteAllText(Path.Combine(output, "test.parquet"), "old test");
        using var cancel = new CancellationTokenSource();
        var seen = new List<PrepareProgress>();
        var progress = new SynchronousProgress(p => { seen.Add(p); if (p.Stage == "train") cancel.Cancel(); });
        var options = new PrepareOptions { InputPaths = [input], OutputDirectory = output, TrainSize = 30_000, TestSize = 1_000, Parquet = new() { RowGroupSize = 1_000 } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PrepareJob.RunAsync(options, progress, cancel.Token));

        Assert.Contains(seen, p => p.Stage == "train" && p.Done < 30_000);
        Assert.Equal(["test.parquet", "train.parquet"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("old train", File.ReadAllText(Path.Combine(output, "train.parquet")));
        Assert.Equal("old test", File.ReadAllText(Path.Combine(output, "test.parquet")));
    }

    [Fact]
    public async Task RunAsync_Default_ReportsReadAndBothSplitsToTheirTotals()
    {
        using var dir = new TempDirectory();
        var input = WriteJsonl(dir, 20_000);
        var seen = new List<PrepareProgress>();
        var options = new PrepareOptions { InputPaths = [input], OutputDirectory = dir.File("out"), TrainSize = 18_000, TestSize = 1_000 };

        var result = await PrepareJob.RunAsync(options, new SynchronousProgress(seen.Add));

        Assert.Equal(20_000, result.InputRecords);
        Assert.Equal(new PrepareProgress("read", 20_000, 20_000), seen.Last(p => p.Stage == "read"));
        Assert.Equal(new PrepareProgress("train", 18_000, 18_000), seen.Last(p => p.Stage == "train"));
        Assert.Equal(new PrepareProgress("test", 1_000, 1_000), seen.Last(p => p.Stage == "test"));
    }

    [Fact]
    public async Task RunAsync_BadRecordAfterBothSplits_ThrowsAndLeavesOldFiles()
    {
        using var dir = new TempDirectory();
        var input = WriteJsonl(dir, 30_000);
        File.AppendAllText(input, "{\"nums\": [1, 2], \"target\": \"x\"}\n");
        var output = Directory.CreateDirectory(dir.File("out")).FullName;
        File.WriteAllText(Path.Combine(output, "train.parquet"), "old train");
        var options = new PrepareOptions { InputPaths = [input], OutputDirectory = output, TrainSize = 1_000, TestSize = 100 };

        var error = await Assert.ThrowsAsync<TaskDataException>(() => PrepareJob.RunAsync(options));

        Assert.Contains("line 30001", error.Message);
        Assert.Equal(["train.parquet"], Directory.GetFiles(output).Select(Path.GetFileName));
        Assert.Equal("old train", File.ReadAllText(Path.Combine(output, "train.parquet")));
    }

    [Fact]
    public async Task RunAsync_InputEndsInsideTrain_ThrowsNotEnoughWithCounts()
    {
        using var dir = new TempDirectory();
        var input = WriteJsonl(dir, 500);
        var output = dir.File("out");
        var options = new PrepareOptions { InputPaths = [input], OutputDirectory = output, TrainSize = 1_000, TestSize = 100 };

        var error = await Assert.ThrowsAsync<NotEnoughTasksException>(() => PrepareJob.RunAsync(options));

        Assert.Equal(500, error.Found);
        Assert.Equal(1_101, error.Needed);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
    }

    private sealed class SynchronousProgress(Action<PrepareProgress> report) : IProgress<PrepareProgress>
    {
        public void Report(PrepareProgress value) => report(value);
    }
}
