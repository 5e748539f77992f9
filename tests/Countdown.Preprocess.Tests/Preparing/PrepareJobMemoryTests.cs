using Countdown.Preprocess.Preparing;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Preparing;

/// <summary>The filters that need every task hold them packed: measured on the live heap once every task is read and filtered.</summary>
[Collection(HeapCollection.Name)]
public sealed class PrepareJobMemoryTests
{
    private const int Tasks = 300_000;

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task RunAsync_DedupeOrShuffle_HoldsUnder40BytesPerTaskBeforeWriting(bool dedupe, bool shuffle)
    {
        using var dir = new TempDirectory();
        // All distinct, so --dedupe keeps every one; as objects they would take about 90 bytes each.
        var input = dir.WriteJsonl(Enumerable.Range(0, Tasks).Select(i => ((long)(10 + i % 1000), new long[] { 1 + i / 1000, 500, 7 })));
        long? held = null;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var progress = new MeasuringProgress(p =>
        {
            if (p.Stage == "read" && p.Total is not null) held = GC.GetTotalMemory(forceFullCollection: true) - before;
        });
        var options = new PrepareOptions
        {
            InputPaths = [input], OutputDirectory = dir.File("out"), TrainSize = 1_000, TestSize = 100,
            Dedupe = dedupe, ShuffleSeed = shuffle ? 42UL : null,
        };

        var result = await PrepareJob.RunAsync(options, progress);

        Assert.Equal(Tasks, result.UsableRecords);
        Assert.NotNull(held);
        Assert.True(held < 40L * Tasks, $"The job held {held / (double)Tasks:F1} bytes a task once the input was read.");
    }

    private sealed class MeasuringProgress(Action<PrepareProgress> report) : IProgress<PrepareProgress>
    {
        public void Report(PrepareProgress value) => report(value);
    }
}
