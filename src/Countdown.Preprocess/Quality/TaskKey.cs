using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>A task's identity for duplicate checks: its target and its numbers, sorted or in input order.</summary>
internal readonly struct TaskKey : IEquatable<TaskKey>
{
    private readonly long _target;
    private readonly long[] _nums;
    private readonly int _hash;

    private TaskKey(long target, long[] nums)
    {
        _target = target;
        _nums = nums;
        var hash = new HashCode();
        hash.Add(target);
        foreach (var n in nums) hash.Add(n);
        _hash = hash.ToHashCode();
    }

    /// <summary>The key under which reordered numbers are the same task.</summary>
    public static TaskKey Multiset(CountdownTask task)
    {
        var sorted = (long[])task.Nums.Clone();
        Array.Sort(sorted);
        return new TaskKey(task.Target, sorted);
    }

    /// <summary>The key under which only the very same record is the same task.</summary>
    public static TaskKey Exact(CountdownTask task) => new(task.Target, task.Nums);

    public bool Equals(TaskKey other)
        => _hash == other._hash && _target == other._target && _nums.AsSpan().SequenceEqual(other._nums);

    public override bool Equals(object? obj) => obj is TaskKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
