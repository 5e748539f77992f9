namespace Countdown.Preprocess.Quality;

/// <summary>Packs a task's target and numbers into one 128-bit value, so duplicate checks hash a value, not an array.</summary>
/// <remarks>
/// Layout, low bits first: six 16-bit numbers (unused slots 0), the target offset by 2^27 in 28 bits, and the count of
/// numbers in 3 bits. Tasks with more than six numbers, a number outside 0–65,535 or a target outside ±2^27 do not
/// pack; callers keep those as <see cref="TaskKey"/>s. Packing is a function of the task, so a packed and an unpacked
/// key never stand for the same task.
/// </remarks>
internal static class PackedTaskKey
{
    private const int MaxNumbers = 6;
    private const int NumberBits = 16;
    private const long TargetOffset = 1L << 27;

    /// <summary>Packs <paramref name="target"/> and <paramref name="nums"/> in their order; false when they do not fit.</summary>
    public static bool TryPack(long target, ReadOnlySpan<long> nums, out UInt128 key)
    {
        key = default;
        if (nums.Length > MaxNumbers || target < -TargetOffset || target >= TargetOffset) return false;
        UInt128 packed = (UInt128)(ulong)nums.Length << (MaxNumbers * NumberBits + 28) | (UInt128)(ulong)(target + TargetOffset) << (MaxNumbers * NumberBits);
        for (var i = 0; i < nums.Length; i++)
        {
            if ((ulong)nums[i] > ushort.MaxValue) return false;
            packed |= (UInt128)(ulong)nums[i] << (i * NumberBits);
        }
        key = packed;
        return true;
    }

    /// <summary>Packs <paramref name="target"/> and the multiset of <paramref name="nums"/> (sorted); false when they do not fit.</summary>
    public static bool TryPackMultiset(long target, ReadOnlySpan<long> nums, out UInt128 key)
    {
        if (nums.Length > MaxNumbers)
        {
            key = default;
            return false;
        }
        Span<long> sorted = stackalloc long[nums.Length];
        nums.CopyTo(sorted);
        sorted.Sort();
        return TryPack(target, sorted, out key);
    }

    /// <summary>The target and numbers a key packs (numbers in packed order).</summary>
    public static (long Target, long[] Nums) Unpack(UInt128 key)
    {
        var count = (int)(ulong)(key >> (MaxNumbers * NumberBits + 28));
        var target = (long)((ulong)(key >> (MaxNumbers * NumberBits)) & ((1UL << 28) - 1)) - TargetOffset;
        var nums = new long[count];
        for (var i = 0; i < count; i++) nums[i] = (long)((ulong)(key >> (i * NumberBits)) & ushort.MaxValue);
        return (target, nums);
    }
}
