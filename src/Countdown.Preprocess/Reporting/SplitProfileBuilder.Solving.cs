using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Reporting;

internal sealed partial class SplitProfileBuilder
{
    private readonly List<TaskExample> _unsolvable = [];
    private readonly List<(double Share, TaskExample Example)> _hardest = [];
    private long[]? _bins;
    private string[]? _labels;
    private double[]? _lows, _highs;
    private long _solved, _solvableReward, _solvableInteger, _skipped;

    private void SolveBatch(IReadOnlyList<CountdownTask> batch, long firstRow, CancellationToken cancellationToken)
    {
        var rows = new List<long>(batch.Count);
        var tasks = new List<CountdownTask>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Nums.Length > CountdownSolver.MaxNumbers) _skipped++;
            else
            {
                rows.Add(firstRow + i);
                tasks.Add(batch[i]);
            }
        }

        var results = CountdownSolver.SolveAll(tasks, new SolveOptions { ComputeDifficulty = true }, cancellationToken);
        Merge(SolveStatistics.Compute(results));
        for (var i = 0; i < results.Length; i++)
        {
            var result = results[i];
            if (!result.SolvableReward)
            {
                if (_unsolvable.Count < examples) _unsolvable.Add(new TaskExample(rows[i], tasks[i], "no expression reaches the target"));
            }
            else if (result.ReachShare is { } share)
            {
                KeepIfHardest(share, new TaskExample(rows[i], tasks[i], result.Solution));
            }
        }
    }

    private void KeepIfHardest(double share, TaskExample example)
    {
        if (examples <= 0 || (_hardest.Count == examples && share >= _hardest[^1].Share)) return;
        var at = _hardest.FindIndex(h => share < h.Share);
        _hardest.Insert(at < 0 ? _hardest.Count : at, (share, example));
        if (_hardest.Count > examples) _hardest.RemoveAt(_hardest.Count - 1);
    }

    private void Merge(SolveStatistics batch)
    {
        _bins ??= new long[batch.Difficulty.Count];
        _labels ??= batch.Difficulty.Select(b => b.Label).ToArray();
        _lows ??= batch.Difficulty.Select(b => b.Low).ToArray();
        _highs ??= batch.Difficulty.Select(b => b.High).ToArray();
        for (var i = 0; i < _bins.Length; i++) _bins[i] += batch.Difficulty[i].Tasks;
        _solved += batch.Tasks;
        _solvableReward += batch.SolvableReward;
        _solvableInteger += batch.SolvableInteger;
    }

    private SolveStatistics SolvingSoFar()
    {
        if (_bins is null) return SolveStatistics.Compute([]);
        var bins = _bins.Select((tasks, i) => new DifficultyBin(_labels![i], _lows![i], _highs![i], tasks)).ToArray();
        return new SolveStatistics(_solved, _solvableReward, _solvableInteger, bins);
    }
}
