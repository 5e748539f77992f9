using System.Diagnostics;
using System.Globalization;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Tests.Support;
using Xunit.Abstractions;

namespace Countdown.Preprocess.Tests.Fuzz;

/// <summary>Collection of tests that measure the process's memory, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz (alone, measures process memory)";
}

/// <summary>
/// Seeded mutation fuzzing of every command that reads input: each mutated file must end in a documented exit code
/// other than 1 (a bug), with no stack trace, within 20 s and 1 GB, and a failed prepare must leave its folder as it was.
/// Replay a failure with COUNTDOWN_FUZZ_SEED (and COUNTDOWN_FUZZ_CASE for one case); COUNTDOWN_FUZZ_CASES sets the count.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20261130;
    private const int DefaultMutationsPerSeed = 12;
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(20);
    private const long MemoryLimit = 1L << 30;
    private static readonly int[] DocumentedExitCodes =
        [ExitCodes.Success, ExitCodes.InvalidOption, ExitCodes.InputUnreadable, ExitCodes.BadRecord, ExitCodes.NotEnoughTasks,
         ExitCodes.OutputFailed, ExitCodes.HubFailed, ExitCodes.ValidationFailed];
    private static readonly string[] Commands = ["prepare", "inspect", "stats", "validate", "score"];

    [Fact]
    public async Task AllCommands_MutatedInputs_FailCleanly()
    {
        var baseSeed = EnvironmentInt("COUNTDOWN_FUZZ_SEED") ?? DefaultSeed;
        var perSeed = EnvironmentInt("COUNTDOWN_FUZZ_CASES") ?? DefaultMutationsPerSeed;
        var only = EnvironmentInt("COUNTDOWN_FUZZ_CASE");
        using var folder = new TempDirectory();
        var seeds = await FuzzSeeds.CreateAsync(folder);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        int runs = 0, caseNumber = -1;
        long worstResident = 0, worstAllocated = 0;
        var worstTime = TimeSpan.Zero;
        var exits = new SortedDictionary<int, int>();

        foreach (var (name, bytes) in seeds)
        {
            for (var m = 0; m < perSeed; m++)
            {
                caseNumber++;
                if (only is { } wanted && wanted != caseNumber) continue;
                var random = new Random(unchecked(baseSeed * 1_000_003 + caseNumber) & int.MaxValue); // not HashCode: it is seeded per process
                var (mutated, description) = FuzzMutator.Mutate(bytes, random, name.EndsWith(".parquet", StringComparison.Ordinal));
                var input = Path.Combine(folder.Path, $"case{caseNumber}", name);
                Directory.CreateDirectory(Path.GetDirectoryName(input)!);
                await File.WriteAllBytesAsync(input, mutated);
                foreach (var command in Commands)
                {
                    var replay = $"seed {baseSeed} case {caseNumber} ({name}, {description}, {command}); replay with COUNTDOWN_FUZZ_SEED={baseSeed} COUNTDOWN_FUZZ_CASES={perSeed} COUNTDOWN_FUZZ_CASE={caseNumber}";
                    var outcome = await RunCaseAsync(command, input, Path.Combine(folder.Path, $"case{caseNumber}", "out-" + command));
                    runs++;
                    exits[outcome.Exit] = exits.GetValueOrDefault(outcome.Exit) + 1;
                    worstResident = Math.Max(worstResident, outcome.PeakResident);
                    worstAllocated = Math.Max(worstAllocated, outcome.Allocated);
                    if (outcome.Elapsed > worstTime) worstTime = outcome.Elapsed;
                    foreach (var problem in outcome.Problems) failures.Add($"{problem} — {replay}");
                }
                Directory.Delete(Path.GetDirectoryName(input)!, recursive: true);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs} cases in {clock.Elapsed.TotalSeconds:F1} s (seed {baseSeed}); exits {string.Join(", ", exits.Select(e => $"{e.Key}: {e.Value}"))}; slowest {worstTime.TotalMilliseconds:F0} ms; largest RSS growth {worstResident >> 20} MB; most allocated in a case {worstAllocated >> 20} MB"));
        Assert.True(failures.Count == 0, $"{failures.Count} of {runs} fuzz cases failed:\n" + string.Join("\n", failures.Take(15)));
        if (only is null) Assert.True(runs >= 300, $"only {runs} cases ran");
    }

    private static async Task<CaseOutcome> RunCaseAsync(string command, string input, string outputFolder)
    {
        string[] args = command switch
        {
            "prepare" => ["prepare", "--input", input, "--local-dir", outputFolder, "--train_size", "3", "--test_size", "1"],
            "score" => ["score", "--input", input],
            _ => [command, input],
        };
        Dictionary<string, byte[]>? before = null;
        if (command == "prepare") before = PopulateOutputFolder(outputFolder);

        using var deadline = new CancellationTokenSource(CaseLimit);
        var memory = PeakMemory.Start();
        var clock = Stopwatch.StartNew();
        // On the thread pool: a command stuck in synchronous code must not stop the clock that catches it.
        var running = Task.Run(() => CliRun.RunAsync(deadline.Token, args));
        var finished = await Task.WhenAny(running, Task.Delay(CaseLimit + TimeSpan.FromSeconds(5)));
        clock.Stop();
        var problems = new List<string>();
        if (finished != running)
        {
            problems.Add($"did not finish within {CaseLimit.TotalSeconds} s");
            return new CaseOutcome(-1, clock.Elapsed, memory.PeakResidentBytes, memory.AllocatedBytes, problems);
        }
        var run = await running;
        var resident = memory.PeakResidentBytes;
        var allocated = memory.AllocatedBytes;
        if (clock.Elapsed > CaseLimit) problems.Add($"took {clock.Elapsed.TotalSeconds:F1} s");
        if (run.ExitCode == ExitCodes.UsageOrBug) problems.Add($"exit 1 (a bug): {FirstLine(run.Error)}");
        else if (!DocumentedExitCodes.Contains(run.ExitCode)) problems.Add($"exit {run.ExitCode} is not documented: {FirstLine(run.Error)}");
        if (run.Error.Contains("   at ", StringComparison.Ordinal) || run.Error.Contains("Unhandled exception", StringComparison.Ordinal))
            problems.Add($"stack trace on stderr: {FirstLine(run.Error)}");
        if (resident > MemoryLimit) problems.Add($"peak resident set grew by {resident >> 20} MB");
        if (allocated > MemoryLimit) problems.Add($"allocated {allocated >> 20} MB");
        if (before is not null && run.ExitCode != ExitCodes.Success && !SameFolder(before, outputFolder))
            problems.Add($"failed prepare (exit {run.ExitCode}) changed the output folder");
        return new CaseOutcome(run.ExitCode, clock.Elapsed, resident, allocated, problems);
    }

    private static Dictionary<string, byte[]> PopulateOutputFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "train.parquet"), "the old train split");
        File.WriteAllText(Path.Combine(folder, "test.parquet"), "the old test split");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not ours");
        return Snapshot(folder);
    }

    private static Dictionary<string, byte[]> Snapshot(string folder)
        => Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path), path => File.Exists(path) ? File.ReadAllBytes(path) : []);

    private static bool SameFolder(Dictionary<string, byte[]> before, string folder)
    {
        var after = Snapshot(folder);
        return after.Count == before.Count && before.All(entry => after.TryGetValue(entry.Key, out var bytes) && bytes.AsSpan().SequenceEqual(entry.Value));
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static int? EnvironmentInt(string name)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private sealed record CaseOutcome(int Exit, TimeSpan Elapsed, long PeakResident, long Allocated, List<string> Problems);
}
