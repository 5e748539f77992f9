using Countdown.Preprocess.Preparing;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Preparing;

/// <summary>The read-everything-first path holds tasks packed; tasks that do not pack still come out unchanged.</summary>
public sealed class PrepareJobPackedTests
{
    // Every 97th task does not pack: seven numbers, a number past 65,535, a target far past 2^27 or just past it.
    private static (long Target, long[] Nums) Task(int i) => (i % 97, i % 4) switch
    {
        (0, 0) => (24, [1, 2, 3, 4, 5, 6, 7 + i]),
        (0, 1) => (24, [70_000 + i, 3]),
        (0, 2) => (1L << 40, [65_535, 65_536 + i]),
        (0, 3) => ((1L << 27) + i, [1, 2]),
        _ => (10 + i % 90, [1 + i % 99, 100 + i / 99, 5]),
    };

    [Fact]
    public async Task RunAsync_DedupeKeepingEveryTaskWithSomeThatDoNotPack_WritesTheSameFilesAsStreaming()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Enumerable.Range(0, 5_000).Select(Task));
        var streamed = new PrepareOptions { InputPaths = [input], OutputDirectory = dir.File("streamed"), TrainSize = 4_000, TestSize = 900 };
        var packed = streamed with { OutputDirectory = dir.File("packed"), Dedupe = true };

        await PrepareJob.RunAsync(streamed);
        var result = await PrepareJob.RunAsync(packed);

        Assert.Equal(0, result.DuplicatesRemoved);
        foreach (var name in new[] { PrepareJob.TrainFileName, PrepareJob.TestFileName })
            Assert.Equal(File.ReadAllBytes(Path.Combine(streamed.OutputDirectory, name)), File.ReadAllBytes(Path.Combine(packed.OutputDirectory, name)));
    }

    [Fact]
    public async Task RunAsync_SolvableOnlyWithASevenNumberTaskPastTheFirstSolveBatch_NamesItsPlaceInTheDedupedList()
    {
        using var dir = new TempDirectory();
        // Ten copies of one task, then 70,000 distinct ones (more than one solve batch), then a task the solver cannot take.
        var tasks = Enumerable.Repeat(Task(1), 10).Concat(Enumerable.Range(1, 70_000).Select(i => ((long)(10 + i % 90), new long[] { 1 + i % 99, 100 + i / 99, 5 }))).ToList();
        tasks.Add((24, [1, 2, 3, 4, 5, 6, 7]));
        var input = dir.WriteJsonl(tasks);
        var options = new PrepareOptions { InputPaths = [input], OutputDirectory = dir.File("out"), TrainSize = 2, TestSize = 1, Dedupe = true, SolvableOnly = true };

        var error = await Assert.ThrowsAsync<UsageException>(() => PrepareJob.RunAsync(options));

        Assert.Equal("Task 70001 holds '7' numbers but the solver handles at most 6; drop larger tasks before solving.", error.Message);
        Assert.False(Directory.Exists(options.OutputDirectory) && Directory.EnumerateFileSystemEntries(options.OutputDirectory).Any());
    }
}
