namespace Countdown.Preprocess.Solving;

/// <summary>How <see cref="CountdownSolver.SolveAll(IReadOnlyList{Tasks.CountdownTask}, SolveOptions, CancellationToken)"/> works.</summary>
public sealed record SolveOptions
{
    /// <summary>The defaults: no difficulty, every core.</summary>
    public static SolveOptions Default { get; } = new();

    /// <summary>Also count the operation sequences that reach the target (slower: every sequence is walked). Default false.</summary>
    public bool ComputeDifficulty { get; init; }

    /// <summary>How many threads to use at most; -1 (the default) means one per core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
