using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Reporting;

/// <summary>Accumulates a <see cref="SplitProfile"/> a batch of tasks at a time, holding counts and keys but not the tasks.</summary>
internal sealed partial class SplitProfileBuilder(string name, bool solve, int examples)
{
    private readonly SortedDictionary<int, long> _byCount = [];
    private readonly ValueCounter _targets = new();
    private readonly ValueCounter _numbers = new();
    private readonly List<TaskExample> _duplicates = [];
    private long _records, _exactDuplicates, _reorderedDuplicates;

    /// <summary>The first row of each distinct task (target and multiset of numbers), for duplicates and the overlap check.</summary>
    public Dictionary<TaskKey, SeenTask> FirstRows { get; } = [];

    /// <summary>The split name.</summary>
    public string Name => name;

    /// <summary>Adds the next tasks, in row order, and solves them when asked to.</summary>
    public void AddBatch(IReadOnlyList<CountdownTask> batch, CancellationToken cancellationToken)
    {
        var firstRow = _records;
        foreach (var task in batch) Add(task);
        if (solve) SolveBatch(batch, firstRow, cancellationToken);
    }

    private void Add(CountdownTask task)
    {
        var row = _records++;
        _byCount[task.Nums.Length] = _byCount.GetValueOrDefault(task.Nums.Length) + 1;
        _targets.Add(task.Target);
        foreach (var n in task.Nums) _numbers.Add(n);

        // The same rule as TaskStatisticsBuilder: a repeat in the same order as any earlier record is exact, else reordered.
        var multiset = TaskKey.Multiset(task);
        CheckOverlap(task, multiset, row);
        if (FirstRows.TryGetValue(multiset, out var seen))
        {
            var isExact = seen.AddOrder(task.Nums);
            if (isExact) _exactDuplicates++;
            else _reorderedDuplicates++;
            if (_duplicates.Count < examples)
                _duplicates.Add(new TaskExample(row, task, $"repeats row {seen.FirstRow}{(isExact ? "" : " in another order")}"));
        }
        else
        {
            FirstRows.Add(multiset, new SeenTask(row, task.Nums));
        }
    }

    /// <summary>The profile of the tasks added so far.</summary>
    public SplitProfile Build()
    {
        var targets = _targets.ToSorted();
        var numbers = _numbers.ToSorted();
        return new SplitProfile(
            name,
            new TaskStatistics
            {
                Records = _records,
                TasksByNumberCount = new SortedDictionary<int, long>(_byCount),
                MinTarget = targets.Count == 0 ? null : targets.Keys.First(),
                MaxTarget = targets.Count == 0 ? null : targets.Keys.Last(),
                MinNumber = numbers.Count == 0 ? null : numbers.Keys.First(),
                MaxNumber = numbers.Count == 0 ? null : numbers.Keys.Last(),
                ExactDuplicates = _exactDuplicates,
                ReorderedDuplicates = _reorderedDuplicates,
            },
            targets,
            numbers,
            solve ? SolvingSoFar() : null,
            _skipped,
            _unsolvable.ToArray(),
            _hardest.Select(h => h.Example).ToArray(),
            _duplicates.ToArray());
    }
}
