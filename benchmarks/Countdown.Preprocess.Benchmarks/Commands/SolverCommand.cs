using System.CommandLine;
using Countdown.Preprocess.Benchmarks.Harness;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>Times <see cref="CountdownSolver.SolveAll(IReadOnlyList{CountdownTask}, SolveOptions, CancellationToken)"/> in-process on every task of a file: all cores, one core, with difficulty.</summary>
internal sealed class SolverCommand : BenchmarkCommand
{
    private readonly Option<FileInfo> _input = HarnessOptions.Input();
    private readonly Option<int> _runs = HarnessOptions.Runs(5);
    private readonly Option<string?> _results = HarnessOptions.Results();

    public SolverCommand() : base("solver", "Time CountdownSolver.SolveAll on every task of a file (all cores, one core, with difficulty); medians, tasks/s, solvable counts.")
    {
        foreach (var option in new Option[] { _input, _runs, _results }) Options.Add(option);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var input = parseResult.GetRequiredValue(_input).FullName;
        var tasks = new List<CountdownTask>();
        await foreach (var task in TaskReader.ReadAsync(input, TaskInputFormat.Auto, cancellationToken)) tasks.Add(task);
        await Console.Error.WriteLineAsync($"# read {tasks.Count:N0} tasks from {input} (not timed)");

        var cores = Environment.ProcessorCount;
        var contenders = new (string Name, Func<Task<SolveResult[]>> Call)[]
        {
            ($"SolveAll, all cores ({cores})", () => Task.FromResult(CountdownSolver.SolveAll(tasks, SolveOptions.Default, cancellationToken))),
            ("SolveAll, 1 core", () => Task.FromResult(CountdownSolver.SolveAll(tasks, new SolveOptions { MaxDegreeOfParallelism = 1 }, cancellationToken))),
            ($"SolveAll + difficulty, all cores ({cores})",
                () => Task.FromResult(CountdownSolver.SolveAll(tasks, new SolveOptions { ComputeDifficulty = true }, cancellationToken))),
        };

        SolveResult[]? reference = null;
        var series = await InProcessRounds.RunAsync(contenders, parseResult.GetValue(_runs), Console.Error, (name, results) =>
        {
            reference ??= results;
            Compare(name, reference, results, tasks.Count);
        });
        var solvedCheck = CheckSolutions(tasks, reference!);
        var reward = reference!.Count(r => r.SolvableReward);
        var integer = reference!.Count(r => r.SolvableInteger);

        var report = new Report("solver: CountdownSolver.SolveAll", CommandLine(parseResult));
        report.Line($"Job: solve all {tasks.Count:N0} tasks of `{Path.GetFileName(input)}` (solvable under both rules + one solution each), "
                    + "in-process: the tasks are read once before timing; one warm-up call per contender, a full GC before each call. "
                    + "CPU is this process's CPU time during the call; tasks/s = tasks / median wall time.");
        report.Line("");
        report.Table(series, tasks.Count, "tasks/s");
        report.Line($"- Solvable under TinyZero's reward rule: {reward:N0} ({100.0 * reward / tasks.Count:F2}%); "
                    + $"under the integer rule: {integer:N0} ({100.0 * integer / tasks.Count:F2}%); unsolvable: {tasks.Count - reward:N0}.");
        report.Line($"- Every run of every contender gave the same flags and solutions; {solvedCheck:N0} solutions scored 1.0 by "
                    + "`RewardScorer` (TinyZero's acceptance), checked after timing.");
        report.Line($"- Peak memory of the whole harness process (tasks, results of every contender): {InProcessRounds.PeakMB():F0} MB.");
        await report.EmitAsync(Console.Out, parseResult.GetValue(_results));
        return 0;
    }

    private static void Compare(string name, SolveResult[] reference, SolveResult[] results, int count)
    {
        if (results.Length != count) throw new BenchmarkFailure($"{name} returned {results.Length:N0} results for {count:N0} tasks.");
        for (var i = 0; i < count; i++)
        {
            var (a, b) = (reference[i], results[i]);
            if (a.SolvableReward != b.SolvableReward || a.SolvableInteger != b.SolvableInteger || a.Solution != b.Solution)
                throw new BenchmarkFailure($"{name} disagrees with the first run on task {i + 1}: '{b.Solution}' against '{a.Solution}'.");
        }
    }

    private static long CheckSolutions(List<CountdownTask> tasks, SolveResult[] results)
    {
        var lenient = new ScoreOptions { Strict = false };
        long scored = 0;
        for (var i = 0; i < tasks.Count; i++)
        {
            var (task, result) = (tasks[i], results[i]);
            if (result.SolvableReward != (result.Solution is not null))
                throw new BenchmarkFailure($"Task {i + 1} is {(result.SolvableReward ? "" : "not ")}solvable but has solution '{result.Solution}'.");
            if (result.Solution is null) continue;
            if (!RewardScorer.Score($"<answer>{result.Solution}</answer>", task.Target, task.Nums, lenient).IsCorrect)
                throw new BenchmarkFailure($"The solution '{result.Solution}' of task {i + 1} (target {task.Target}) does not score 1.0.");
            scored++;
        }
        return scored;
    }
}
