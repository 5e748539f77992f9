using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Reporting;

internal sealed partial class SplitProfileBuilder
{
    private readonly List<TaskExample> _overlapExamples = [];
    private Dictionary<TaskKey, SeenTask>? _train;
    private long _overlapping;

    /// <summary>Counts, from now on, the rows whose task is in <paramref name="train"/> (first rows by task).</summary>
    public void CheckOverlapWith(Dictionary<TaskKey, SeenTask> train) => _train = train;

    /// <summary>The overlap found, or null when no train split was given.</summary>
    public OverlapSummary? Overlap => _train is null ? null : new OverlapSummary(_records, _overlapping, _overlapExamples.ToArray());

    private void CheckOverlap(CountdownTask task, TaskKey multiset, long row)
    {
        if (_train is null || !_train.TryGetValue(multiset, out var seen)) return;
        _overlapping++;
        if (_overlapExamples.Count < examples) _overlapExamples.Add(new TaskExample(row, task, $"train row {seen.FirstRow}"));
    }
}
