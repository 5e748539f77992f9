using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>A set of tasks by target and numbers (in order, or as a multiset): 8-byte keys for the usual sizes, 16-byte packed keys for larger ones, arrays only for tasks that do not pack.</summary>
/// <remarks>
/// 11–23 bytes a usual task (<see cref="CompactKeySlots"/>), 23–46 a larger one (<see cref="PackedKeySlots"/>), against
/// about 100 for an array key in a hash set. Which kind a task gets depends only on its values, so two equal tasks
/// always meet in the same set.
/// </remarks>
internal sealed class TaskKeySet(bool multiset)
{
    private readonly KeySet<ulong, CompactKeySlots> _compact = new();
    private KeySet<UInt128, PackedKeySlots>? _packed;
    private HashSet<TaskKey>? _other;

    /// <summary>How many tasks the set holds.</summary>
    public int Count => _compact.Count + (_packed?.Count ?? 0) + (_other?.Count ?? 0);

    /// <summary>Adds the task; false when an equal one is already in the set.</summary>
    public bool Add(CountdownTask task) => Add(task.Target, task.Nums);

    /// <summary>Adds the task given as its parts; false when an equal one is already in the set.</summary>
    public bool Add(long target, long[] nums)
    {
        var compacts = multiset ? CompactTaskKey.TryPackMultiset(target, nums, out var small) : CompactTaskKey.TryPack(target, nums, out small);
        if (compacts) return _compact.Add(small);
        var packs = multiset ? PackedTaskKey.TryPackMultiset(target, nums, out var key) : PackedTaskKey.TryPack(target, nums, out key);
        if (packs) return (_packed ??= new()).Add(key);
        _other ??= [];
        var task = new CountdownTask(target, nums);
        return _other.Add(multiset ? TaskKey.Multiset(task) : TaskKey.Exact(task));
    }
}
