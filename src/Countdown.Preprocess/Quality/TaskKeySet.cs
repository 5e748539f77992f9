using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>A set of tasks by target and numbers (in order, or as a multiset): 16-byte packed keys, arrays only for tasks that do not pack.</summary>
/// <remarks>23–46 bytes a task (<see cref="PackedKeySet"/>), against about 100 for an array key in a hash set.</remarks>
internal sealed class TaskKeySet(bool multiset)
{
    private readonly PackedKeySet _packed = new();
    private HashSet<TaskKey>? _other;

    /// <summary>How many tasks the set holds.</summary>
    public int Count => _packed.Count + (_other?.Count ?? 0);

    /// <summary>Adds the task; false when an equal one is already in the set.</summary>
    public bool Add(CountdownTask task) => Add(task.Target, task.Nums);

    /// <summary>Adds the task given as its parts; false when an equal one is already in the set.</summary>
    public bool Add(long target, long[] nums)
    {
        var packs = multiset ? PackedTaskKey.TryPackMultiset(target, nums, out var key) : PackedTaskKey.TryPack(target, nums, out key);
        if (packs) return _packed.Add(key);
        _other ??= [];
        var task = new CountdownTask(target, nums);
        return _other.Add(multiset ? TaskKey.Multiset(task) : TaskKey.Exact(task));
    }
}
