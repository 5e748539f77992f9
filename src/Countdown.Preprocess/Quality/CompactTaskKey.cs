namespace Countdown.Preprocess.Quality;

/// <summary>Packs a small task (the usual Countdown sizes) into one 64-bit value: half a <see cref="PackedTaskKey"/>, so duplicate sets touch half the memory.</summary>
/// <remarks>
/// Layout, low bits first: six 7-bit numbers (unused slots 0), the target offset by 2^18 in 19 bits, and the count of
/// numbers in 3 bits. Tasks with more than six numbers, a number outside 0–127 or a target outside ±2^18 do not
/// pack; callers fall back to <see cref="PackedTaskKey"/>. Packing is a function of the task's values (for a multiset,
/// of the multiset), so a task is always kept in the same kind of key. A key never has all bits set (its count is at most 6).
/// </remarks>
internal static class CompactTaskKey
{
    private const int MaxNumbers = 6;
    private const int NumberBits = 7;
    private const long TargetOffset = 1L << 18;
    private const int TargetShift = MaxNumbers * NumberBits;
    private const int CountShift = TargetShift + 19;

    /// <summary>Packs <paramref name="target"/> and <paramref name="nums"/> in their order; false when they do not fit.</summary>
    public static bool TryPack(long target, ReadOnlySpan<long> nums, out ulong key)
    {
        key = 0;
        if (nums.Length > MaxNumbers || (ulong)(target + TargetOffset) >= 2 * TargetOffset) return false;
        var packed = (ulong)nums.Length << CountShift | (ulong)(target + TargetOffset) << TargetShift;
        var any = 0UL;
        for (var i = 0; i < nums.Length; i++)
        {
            any |= (ulong)nums[i];
            packed |= (ulong)nums[i] << (i * NumberBits);
        }
        if (any >= 1 << NumberBits) return false; // a number is negative or above 127
        key = packed;
        return true;
    }

    /// <summary>Packs <paramref name="target"/> and the multiset of <paramref name="nums"/> (sorted); false when they do not fit.</summary>
    public static bool TryPackMultiset(long target, ReadOnlySpan<long> nums, out ulong key)
    {
        if (nums.Length > MaxNumbers)
        {
            key = 0;
            return false;
        }
        Span<long> sorted = stackalloc long[MaxNumbers];
        sorted = sorted[..nums.Length];
        nums.CopyTo(sorted);
        SortSmall(sorted);
        return TryPack(target, sorted, out key);
    }

    /// <summary>Insertion sort: for six values or fewer, cheaper than the general sort's dispatch.</summary>
    internal static void SortSmall(Span<long> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            var j = i - 1;
            while (j >= 0 && values[j] > value)
            {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
    }
}
