using Countdown.Preprocess.Solving;

namespace Countdown.Preprocess.Quality;

/// <summary>How many tasks the solver could solve, and how hard they are (what <c>stats --solve</c> prints).</summary>
/// <param name="Tasks">How many tasks were solved.</param>
/// <param name="SolvableReward">How many are solvable under TinyZero's reward rule.</param>
/// <param name="SolvableInteger">How many are solvable with non-negative integer intermediates (Stream-of-Search rule).</param>
/// <param name="Difficulty">
/// The histogram of <see cref="SolveResult.ReachShare"/>: one bin for unsolvable tasks (share exactly 0), then bins
/// of positive shares on a 1–3–10 scale up to 100%; tasks without a share (no numbers) count as unsolvable.
/// </param>
public sealed record SolveStatistics(long Tasks, long SolvableReward, long SolvableInteger, IReadOnlyList<DifficultyBin> Difficulty)
{
    private static readonly (string Label, double Low, double High)[] Bins =
    [
        ("0 (unsolvable)", 0, 0),
        ("< 0.1%", 0, 0.001),
        ("0.1-0.3%", 0.001, 0.003),
        ("0.3-1%", 0.003, 0.01),
        ("1-3%", 0.01, 0.03),
        ("3-10%", 0.03, 0.1),
        ("10-30%", 0.1, 0.3),
        ("30-100%", 0.3, 1),
    ];

    /// <summary>Summarizes results computed with difficulty (<see cref="SolveOptions.ComputeDifficulty"/>).</summary>
    public static SolveStatistics Compute(IReadOnlyList<SolveResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var builder = new Builder();
        builder.AddRange(results);
        return builder.Build();
    }

    /// <summary>Accumulates results batch by batch, so tasks can be solved as they stream in.</summary>
    internal sealed class Builder
    {
        private readonly long[] _counts = new long[Bins.Length];
        private long _tasks, _reward, _integer;

        public void AddRange(IEnumerable<SolveResult> results)
        {
            foreach (var result in results)
            {
                _tasks++;
                if (result.SolvableReward) _reward++;
                if (result.SolvableInteger) _integer++;
                _counts[BinOf(result.ReachShare ?? 0)]++;
            }
        }

        public SolveStatistics Build()
            => new(_tasks, _reward, _integer, Bins.Select((bin, i) => new DifficultyBin(bin.Label, bin.Low, bin.High, _counts[i])).ToArray());
    }

    private static int BinOf(double share)
    {
        if (share <= 0) return 0;
        for (var i = Bins.Length - 1; i > 1; i--)
        {
            if (share >= Bins[i].Low) return i;
        }

        return 1;
    }
}
