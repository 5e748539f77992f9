using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Writers;

/// <summary>
/// Raw tasks of one row group in Parquet's column form (values with their definition and repetition levels), in
/// buffers reused from row group to row group.
/// </summary>
/// <remarks>
/// Tasks are copied in as they arrive, so the task objects die young and the column buffers are the only long-lived
/// memory: writing millions of tasks keeps a flat peak instead of promoting every batch of objects to gen2.
/// </remarks>
internal sealed class RawTaskColumns(int targetLevel, int elementLevel)
{
    private long[] _targets = new long[1024];
    private int[] _targetLevels = new int[1024];
    private long[] _values = new long[4096];
    private int[] _valueLevels = new int[4096];
    private int[] _repetitions = new int[4096];
    private int _valueCount, _entries;

    /// <summary>Rows held.</summary>
    public int Rows { get; private set; }

    public ReadOnlyMemory<long> Targets => _targets.AsMemory(0, Rows);
    public ReadOnlyMemory<int> TargetLevels => _targetLevels.AsMemory(0, Rows);
    public ReadOnlyMemory<long> Values => _values.AsMemory(0, _valueCount);
    public ReadOnlyMemory<int> ValueLevels => _valueLevels.AsMemory(0, _entries);
    public ReadOnlyMemory<int> Repetitions => _repetitions.AsMemory(0, _entries);

    /// <summary>Appends a task; an empty <c>nums</c> list becomes one level-1 entry without a value.</summary>
    public void Add(CountdownTask task)
    {
        Grow(ref _targets, Rows + 1);
        Grow(ref _targetLevels, Rows + 1);
        _targets[Rows] = task.Target;
        _targetLevels[Rows++] = targetLevel;
        var nums = task.Nums;
        var entries = Math.Max(nums.Length, 1);
        Grow(ref _values, _valueCount + nums.Length);
        Grow(ref _valueLevels, _entries + entries);
        Grow(ref _repetitions, _entries + entries);
        if (nums.Length == 0)
        {
            _valueLevels[_entries] = 1; // the list is there but empty
            _repetitions[_entries++] = 0;
            return;
        }
        for (var j = 0; j < nums.Length; j++)
        {
            _values[_valueCount++] = nums[j];
            _valueLevels[_entries] = elementLevel;
            _repetitions[_entries++] = j == 0 ? 0 : 1;
        }
    }

    /// <summary>Empties the buffers for the next row group, keeping their capacity.</summary>
    public void Clear() => (Rows, _valueCount, _entries) = (0, 0, 0);

    private static void Grow<T>(ref T[] buffer, int needed)
    {
        if (needed > buffer.Length) Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
    }
}
