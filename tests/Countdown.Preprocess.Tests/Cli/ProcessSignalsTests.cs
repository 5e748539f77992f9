using System.Diagnostics;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli;

/// <summary>SIGINT and SIGTERM sent to the real CLI process: a clean exit, no temporaries, never a mixed pair.</summary>
public sealed class ProcessSignalsTests
{
    private const string TrainSize = "30000";
    private const string TestSize = "1000";

    /// <summary>An old pair in <c>old/</c> and, as reference, the pair a run on <c>new.jsonl</c> writes, in <c>new/</c>.</summary>
    private static async Task<(string NewInput, Dictionary<string, byte[]> Old, Dictionary<string, byte[]> New)> PairsAsync(TempDirectory dir)
    {
        var oldInput = dir.WriteJsonl(ManyTasks(31_001, seed: 1), "old.jsonl");
        var newInput = dir.WriteJsonl(ManyTasks(40_000, seed: 2), "new.jsonl");
        Assert.Equal(0, (await CliRun.RunAsync(Args(oldInput, dir.File("old")))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(Args(newInput, dir.File("new")))).ExitCode);
        return (newInput, Snapshot(dir.File("old")), Snapshot(dir.File("new")));
    }

    internal static string[] Args(string input, string output) => ["prepare", "--input", input, "--local-dir", output, "--train-size", TrainSize, "--test-size", TestSize, "-q"];

    internal static IEnumerable<(long Target, long[] Nums)> ManyTasks(int count, ulong seed)
    {
        var state = seed * 6364136223846793005UL + 1442695040888963407UL;
        long Next() { state = state * 6364136223846793005UL + 1442695040888963407UL; return (long)(state >> 33) % 99 + 1; }
        for (var i = 0; i < count; i++) yield return (Next(), [Next(), Next(), Next()]);
    }

    internal static Dictionary<string, byte[]> Snapshot(string folder)
        => Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    internal static void CopyFolder(Dictionary<string, byte[]> files, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }

    /// <summary>Starts the CLI and returns once its signal handlers are in place.</summary>
    internal static async Task<CliProcess> StartReadyAsync(TempDirectory dir, string[] args, params (string Name, string Value)[] environment)
    {
        var marker = dir.File($"ready-{Guid.NewGuid():N}");
        var process = CliProcess.Start(args, [.. environment, ("COUNTDOWN_TEST_SIGNALS_READY", marker)]);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(marker))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "The CLI never reported its signal handlers ready.");
            await Task.Delay(1);
        }
        File.Delete(marker);
        return process;
    }

    [Theory]
    [InlineData(CliProcess.SigTerm)]
    [InlineData(CliProcess.SigInt)]
    public async Task Main_SignalAtAnyMoment_Exits130Or0AndLeavesOldOrNewPair(int signal)
    {
        using var dir = new TempDirectory();
        var (newInput, oldPair, newPair) = await PairsAsync(dir);
        var outcomes = new List<string>();

        for (var delay = 0; delay <= 600; delay += 75)
        {
            var output = dir.File($"run-{delay}");
            CopyFolder(oldPair, output);
            using var child = await StartReadyAsync(dir, Args(newInput, output));
            await Task.Delay(delay);
            child.Signal(signal);
            var (code, _, error) = await child.WaitAsync();

            Assert.True(code is 0 or 130, $"Signal {signal} after {delay} ms: exit code {code} ({error}).");
            var after = Snapshot(output);
            Assert.Equal(["test.parquet", "train.parquet"], after.Keys.Order(StringComparer.Ordinal));
            var isOld = after.All(f => f.Value.AsSpan().SequenceEqual(oldPair[f.Key]));
            var isNew = after.All(f => f.Value.AsSpan().SequenceEqual(newPair[f.Key]));
            Assert.True(isOld || isNew, $"Signal {signal} after {delay} ms left a mixed pair.");
            Assert.Equal(code == 0, isNew);
            if (code == 130) Assert.Contains("Cancelled; no output was changed.", error);
            outcomes.Add($"{delay} ms: {code}");
        }
        Assert.Contains(outcomes, o => o.EndsWith(": 130", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Main_SignalDuringCommit_FinishesTheCommitWithSummaryAndExits0()
    {
        using var dir = new TempDirectory();
        var (newInput, oldPair, newPair) = await PairsAsync(dir);
        var output = dir.File("run");
        CopyFolder(oldPair, output);
        var summary = dir.File("summary.json");
        using var child = await StartReadyAsync(dir, [.. Args(newInput, output), "--summary-json", summary], ("COUNTDOWN_TEST_COMMIT_DELAY_MS", "1500"));
        await WaitUntilAsync(child, () => File.ReadAllBytes(Path.Combine(output, "train.parquet")).AsSpan().SequenceEqual(newPair["train.parquet"]));

        child.Signal(CliProcess.SigTerm);
        var (code, _, error) = await child.WaitAsync();

        Assert.Equal(0, code);
        Assert.DoesNotContain("no output was changed", error);
        Assert.Equal(newPair, Snapshot(output));
        Assert.Contains("\"train_size\": 30000", await File.ReadAllTextAsync(summary));
        Assert.Empty(Directory.GetFiles(output, ".*"));
        Assert.Empty(Directory.GetFiles(dir.Path, ".*"));
    }

    [Fact]
    public async Task Main_RunAfterKilledRun_RemovesTheDeadRunsTemporaries()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(ManyTasks(40_000, seed: 3), "new.jsonl");
        var output = dir.File("out");
        Directory.CreateDirectory(output);
        // Fed half its input through a pipe, the run waits for the rest with its train file half-written: a run on a
        // file could finish between two polls.
        using (var child = CliProcess.StartWithInput([.. Args("-", output), "--input-format", "jsonl"]))
        {
            foreach (var line in File.ReadLines(input).Take(20_000)) await child.Input.WriteLineAsync(line);
            await child.Input.FlushAsync();
            await WaitUntilAsync(child, () => Directory.GetFiles(output, ".train.parquet.*.tmp").Length > 0);
            child.Signal(CliProcess.SigKill);
            await child.WaitAsync();
        }
        Assert.NotEmpty(Directory.GetFiles(output, ".*.tmp"));

        var run = await CliRun.RunAsync(Args(input, output));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["test.parquet", "train.parquet"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>Polls <paramref name="condition"/> while <paramref name="child"/> runs; fails with the child's output if it ends first.</summary>
    internal static async Task WaitUntilAsync(CliProcess child, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!Try(condition))
        {
            if (child.HasExited)
            {
                var (code, _, error) = await child.WaitAsync();
                Assert.Fail($"The child ended (exit code {code}) before the awaited moment: {error}");
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "Timed out waiting for the child process.");
            await Task.Delay(2);
        }
    }

    private static bool Try(Func<bool> condition)
    {
        try
        {
            return condition();
        }
        catch (IOException)
        {
            return false;
        }
    }
}
