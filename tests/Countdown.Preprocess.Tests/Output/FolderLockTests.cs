using Countdown.Preprocess.Tests.Cli;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Output;

/// <summary>Two real CLI processes writing into one folder commit one after the other, never a mixed pair.</summary>
public sealed class FolderLockTests
{
    [Fact]
    public async Task Prepare_SecondRunWhileFirstCommitIsHalfWay_WaitsAndLeavesItsWholePair()
    {
        using var dir = new TempDirectory();
        var firstInput = dir.WriteJsonl(ProcessSignalsTests.ManyTasks(31_001, seed: 11), "first.jsonl");
        // The second run is small, so it reaches its commit well within the first one's, even on a loaded machine.
        var secondInput = dir.WriteJsonl(ProcessSignalsTests.ManyTasks(200, seed: 12), "second.jsonl");
        string[] SecondArgs(string output) => ["prepare", "--input", secondInput, "--local-dir", output, "--train-size", "150", "--test-size", "20"];
        Assert.Equal(0, (await CliRun.RunAsync(ProcessSignalsTests.Args(firstInput, dir.File("first")))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(SecondArgs(dir.File("second")))).ExitCode);
        var firstPair = ProcessSignalsTests.Snapshot(dir.File("first"));
        var secondPair = ProcessSignalsTests.Snapshot(dir.File("second"));
        var output = dir.File("out");
        Directory.CreateDirectory(output);

        // The first run sleeps 3 s after each rename of its commit; the second starts once the first has renamed train.parquet.
        using var first = await ProcessSignalsTests.StartReadyAsync(dir, ProcessSignalsTests.Args(firstInput, output), ("COUNTDOWN_TEST_COMMIT_DELAY_MS", "3000"));
        await ProcessSignalsTests.WaitUntilAsync(first, () => File.ReadAllBytes(Path.Combine(output, "train.parquet")).AsSpan().SequenceEqual(firstPair["train.parquet"]));
        using var second = CliProcess.Start(SecondArgs(output));
        var firstEnd = await first.WaitAsync();
        var secondEnd = await second.WaitAsync();

        Assert.Equal(0, firstEnd.ExitCode);
        Assert.Equal(0, secondEnd.ExitCode);
        Assert.Contains($"Another run is writing into {output}; waiting for it to finish", secondEnd.Error);
        Assert.Equal(secondPair, ProcessSignalsTests.Snapshot(output));
        Assert.Empty(Directory.GetFiles(output, ".*"));
    }

    [Fact]
    public async Task Prepare_NextRunAfterKillHalfWayThroughCommit_FindsTheOldPairRestored()
    {
        using var dir = new TempDirectory();
        var oldInput = dir.WriteJsonl(ProcessSignalsTests.ManyTasks(31_001, seed: 21), "old.jsonl");
        var newInput = dir.WriteJsonl(ProcessSignalsTests.ManyTasks(31_001, seed: 22), "new.jsonl");
        var output = dir.File("out");
        Assert.Equal(0, (await CliRun.RunAsync(ProcessSignalsTests.Args(oldInput, output))).ExitCode);
        var oldPair = ProcessSignalsTests.Snapshot(output);
        using (var child = await ProcessSignalsTests.StartReadyAsync(dir, ProcessSignalsTests.Args(newInput, output), ("COUNTDOWN_TEST_COMMIT_DELAY_MS", "5000")))
        {
            await ProcessSignalsTests.WaitUntilAsync(child, () => !File.ReadAllBytes(Path.Combine(output, "train.parquet")).AsSpan().SequenceEqual(oldPair["train.parquet"]));
            child.Signal(CliProcess.SigKill);
            await child.WaitAsync();
        }
        Assert.NotEmpty(Directory.GetFiles(output, ".train.parquet.*.countdown-backup"));

        // The next run fails (too few tasks) after its first file is created, so the folder shows what recovery did.
        var next = await CliRun.RunAsync(["prepare", "--input", newInput, "--local-dir", output, "--train-size", "40000", "--test-size", "1"]);

        Assert.Equal(5, next.ExitCode);
        Assert.Equal(oldPair, ProcessSignalsTests.Snapshot(output));
        Assert.Empty(Directory.GetFiles(output, ".*"));
    }
}
