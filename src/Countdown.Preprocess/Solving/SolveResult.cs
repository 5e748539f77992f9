namespace Countdown.Preprocess.Solving;

/// <summary>What the exact solver found for one task.</summary>
/// <param name="SolvableReward">Some expression scores 1.0 under TinyZero's rule reward (exact rational arithmetic).</param>
/// <param name="SolvableInteger">Some expression reaches the target with non-negative integer intermediates and exact division only.</param>
/// <param name="Solution">One reference solution such as <c>(95 - 11) - 56</c>, an integer-rule one when there is one; null when unsolvable.</param>
public sealed record SolveResult(bool SolvableReward, bool SolvableInteger, string? Solution)
{
    /// <summary>The result for a task no expression solves, without a difficulty count.</summary>
    public static SolveResult Unsolvable { get; } = new(false, false, null);

    /// <summary>How many operation sequences reach the target; set only when difficulty was asked for.</summary>
    public long? ReachingSequences { get; init; }

    /// <summary>How many operation sequences the task has in all; set only when difficulty was asked for.</summary>
    public long? TotalSequences { get; init; }

    /// <summary>
    /// The task's difficulty measure: the share of all operation sequences that reach the target,
    /// from 0 (unsolvable) to 1 (every sequence works); lower is harder. Null unless difficulty was asked for.
    /// </summary>
    /// <remarks>See <see cref="CountdownSolver.CountReachingSequences"/> for what a sequence is.</remarks>
    public double? ReachShare => ReachingSequences is { } reaching && TotalSequences is > 0 and { } total
        ? (double)reaching / total
        : null;

    /// <summary>Whether the task is solvable under <paramref name="rule"/>.</summary>
    public bool IsSolvable(SolveRule rule) => rule == SolveRule.Integer ? SolvableInteger : SolvableReward;
}
