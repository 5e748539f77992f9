using Countdown.Preprocess.Quality;

namespace Countdown.Preprocess.Reporting;

/// <summary>What one split (or the whole raw file) holds: the <c>stats</c> figures, distributions, solvability and examples.</summary>
/// <param name="Name">The split: <c>train</c>, <c>test</c>, or <c>tasks</c> for a raw file.</param>
/// <param name="Statistics">Counts, ranges and duplicates, as <c>stats</c> computes them.</param>
/// <param name="Targets">How many tasks have each target, by target ascending.</param>
/// <param name="NumberValues">How often each number value occurs over all tasks, by value ascending.</param>
/// <param name="Solving">Solvability and difficulty, as <c>stats --solve</c> computes them; null when not solved.</param>
/// <param name="SkippedBySolver">Tasks left unsolved because they hold more numbers than the solver handles.</param>
/// <param name="Unsolvable">The first tasks no expression solves under the reward rule.</param>
/// <param name="Hardest">The solvable tasks with the smallest share of reaching operation sequences, with a solution.</param>
/// <param name="Duplicates">The first tasks that repeat an earlier one, noting which row.</param>
public sealed record SplitProfile(
    string Name,
    TaskStatistics Statistics,
    IReadOnlyDictionary<long, long> Targets,
    IReadOnlyDictionary<long, long> NumberValues,
    SolveStatistics? Solving,
    long SkippedBySolver,
    IReadOnlyList<TaskExample> Unsolvable,
    IReadOnlyList<TaskExample> Hardest,
    IReadOnlyList<TaskExample> Duplicates);
