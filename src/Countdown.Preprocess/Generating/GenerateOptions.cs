using Countdown.Preprocess.Solving;

namespace Countdown.Preprocess.Generating;

/// <summary>What <see cref="TaskGenerator"/> makes; the defaults match the Hugging Face Countdown-Tasks-3to4 set.</summary>
public sealed record GenerateOptions
{
    /// <summary>How many tasks to make (at least 1).</summary>
    public required int Count { get; init; }

    /// <summary>The seed; the same seed and options give the same tasks on every machine. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>How many numbers a task has, drawn uniformly per task. Default 3–4; at most <see cref="CountdownSolver.MaxNumbers"/>.</summary>
    public ValueRange Numbers { get; init; } = new(3, 4);

    /// <summary>The range each number is drawn from, uniformly. Default 1–99; no negatives.</summary>
    public ValueRange Values { get; init; } = new(1, 99);

    /// <summary>The range targets must fall in. Default 10–100.</summary>
    public ValueRange Targets { get; init; } = new(10, 100);

    /// <summary>The rule every task must be solvable under. Default <see cref="SolveRule.Reward"/>.</summary>
    public SolveRule Rule { get; init; } = SolveRule.Reward;
}
