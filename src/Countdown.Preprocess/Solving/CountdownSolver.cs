using System.Collections.Concurrent;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Solving;

/// <summary>
/// Exact solver for Countdown tasks: is the target reachable using every number once with <c>+ - * /</c> and
/// parentheses, under TinyZero's reward rule and under the Stream-of-Search integer rule, and how?
/// </summary>
/// <remarks>
/// <para>Arithmetic is exact (fractions of integers wide enough never to overflow), so a task is solvable exactly
/// when TinyZero's reward can score one of its expressions 1.0. A task holding a negative number is unsolvable
/// under both rules: the reward reads the answer's numbers with <c>\d+</c>, which never yields a negative.</para>
/// <para>The integer rule is tried first, so an integer-rule solution is returned whenever one exists; solutions
/// contain only the task's numbers, operators, spaces and parentheses, e.g. <c>(95 - 11) - 56</c>.</para>
/// </remarks>
public static class CountdownSolver
{
    /// <summary>The most numbers a task may hold (7 would take minutes per unsolvable task).</summary>
    public const int MaxNumbers = 6;

    private const int ChunkSize = 2048;

    /// <summary>Solves one task.</summary>
    /// <param name="task">The task.</param>
    /// <param name="computeDifficulty">Also count the operation sequences that reach the target (see <see cref="CountReachingSequences"/>).</param>
    /// <exception cref="UsageException">The task holds more than <see cref="MaxNumbers"/> numbers.</exception>
    public static SolveResult Solve(CountdownTask task, bool computeDifficulty = false)
    {
        ArgumentNullException.ThrowIfNull(task);
        EnsureSize(task, null);
        return SolverWorkspace.Current.Solve(task, computeDifficulty);
    }

    /// <summary>Solves every task on every core; result <c>i</c> belongs to task <c>i</c>.</summary>
    /// <exception cref="UsageException">A task holds more than <see cref="MaxNumbers"/> numbers.</exception>
    public static SolveResult[] SolveAll(IReadOnlyList<CountdownTask> tasks, CancellationToken cancellationToken = default)
        => SolveAll(tasks, SolveOptions.Default, cancellationToken);

    /// <summary>Solves every task in parallel as <paramref name="options"/> says; result <c>i</c> belongs to task <c>i</c>.</summary>
    /// <exception cref="UsageException">A task holds more than <see cref="MaxNumbers"/> numbers.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SolveResult[] SolveAll(IReadOnlyList<CountdownTask> tasks, SolveOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(options);
        for (var i = 0; i < tasks.Count; i++) EnsureSize(tasks[i], i);

        var results = new SolveResult[tasks.Count];
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
        };
        Parallel.ForEach(Partitioner.Create(0, tasks.Count, ChunkSize), parallel, () => new SolverWorkspace(),
            (range, _, workspace) =>
            {
                for (var i = range.Item1; i < range.Item2; i++) results[i] = workspace.Solve(tasks[i], options.ComputeDifficulty);
                return workspace;
            },
            _ => { });
        return results;
    }

    /// <summary>
    /// Counts the operation sequences that reach the task's target: start from the numbers as a pool, repeatedly
    /// pick an ordered pair of pool positions and one of <c>+ - * /</c> and put the result back, until one value is
    /// left; a sequence reaches the target when that value equals it exactly (dividing by zero reaches nothing).
    /// </summary>
    /// <remarks>Dividing by <see cref="TotalSequences"/> gives the difficulty measure <see cref="SolveResult.ReachShare"/>.</remarks>
    /// <exception cref="UsageException">The task holds more than <see cref="MaxNumbers"/> numbers.</exception>
    public static long CountReachingSequences(CountdownTask task)
        => Solve(task, computeDifficulty: true).ReachingSequences ?? 0;

    /// <summary>
    /// How many operation sequences a task of <paramref name="count"/> numbers has: the product over pool sizes
    /// m = count..2 of 4·m·(m−1) — 8 for two numbers, 192 for three, 9,216 for four; 1 for one number, 0 for none.
    /// </summary>
    public static long TotalSequences(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxNumbers);
        if (count == 0) return 0;
        long total = 1;
        for (var m = count; m >= 2; m--) total *= 4L * m * (m - 1);
        return total;
    }

    private static void EnsureSize(CountdownTask task, int? index)
    {
        if (task.Nums.Length > MaxNumbers)
        {
            var which = index is { } i ? $"Task {i + 1}" : "A task";
            throw new UsageException(
                $"{which} holds '{task.Nums.Length}' numbers but the solver handles at most {MaxNumbers}; drop larger tasks before solving.");
        }
    }
}
