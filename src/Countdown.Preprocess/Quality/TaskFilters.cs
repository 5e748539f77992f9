using System.Runtime.CompilerServices;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>The task filters behind <c>--dedupe</c> and <c>--solvable-only</c>; both keep input order.</summary>
public static class TaskFilters
{
    /// <summary>Drops every task whose target and multiset of numbers appeared earlier; keeps the first.</summary>
    public static IEnumerable<CountdownTask> Dedupe(IEnumerable<CountdownTask> tasks, FilterTally? tally = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return Iterate(tasks, tally ?? new FilterTally());

        static IEnumerable<CountdownTask> Iterate(IEnumerable<CountdownTask> tasks, FilterTally tally)
        {
            var seen = new TaskDeduplicator();
            foreach (var task in tasks)
            {
                if (Count(seen.TryAdd(task), tally)) yield return task;
            }
        }
    }

    /// <summary>Drops every task whose target and multiset of numbers appeared earlier, as it streams; keeps the first.</summary>
    public static async IAsyncEnumerable<CountdownTask> DedupeAsync(IAsyncEnumerable<CountdownTask> tasks, FilterTally? tally = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tally ??= new FilterTally();
        var seen = new TaskDeduplicator();
        await foreach (var task in tasks.WithCancellation(cancellationToken))
        {
            if (Count(seen.TryAdd(task), tally)) yield return task;
        }
    }

    /// <summary>Solves every task in parallel and keeps those solvable under <paramref name="rule"/>, with their results.</summary>
    /// <exception cref="UsageException">A task holds more than <see cref="CountdownSolver.MaxNumbers"/> numbers.</exception>
    public static IReadOnlyList<SolvedTask> SolvableOnly(IReadOnlyList<CountdownTask> tasks, SolveRule rule = SolveRule.Reward,
        FilterTally? tally = null, CancellationToken cancellationToken = default)
        => SolvableOnly(tasks, CountdownSolver.SolveAll(tasks, cancellationToken), rule, tally);

    /// <summary>Keeps the tasks whose already computed result (same index) is solvable under <paramref name="rule"/>.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static IReadOnlyList<SolvedTask> SolvableOnly(IReadOnlyList<CountdownTask> tasks, IReadOnlyList<SolveResult> results,
        SolveRule rule = SolveRule.Reward, FilterTally? tally = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(results);
        if (tasks.Count != results.Count) throw new ArgumentException("Every task needs exactly one result.", nameof(results));

        tally ??= new FilterTally();
        var kept = new List<SolvedTask>(tasks.Count);
        for (var i = 0; i < tasks.Count; i++)
        {
            if (Count(results[i].IsSolvable(rule), tally)) kept.Add(new SolvedTask(tasks[i], results[i]));
        }

        return kept;
    }

    private static bool Count(bool keep, FilterTally tally)
    {
        if (keep) tally.Kept++;
        else tally.Dropped++;
        return keep;
    }
}
