namespace Countdown.Preprocess.Reporting;

/// <summary>A distinct task (target and multiset of numbers) met before: where it first was, and each order its numbers came in.</summary>
internal sealed class SeenTask(long firstRow, long[] firstOrder)
{
    private List<long[]>? _otherOrders;

    /// <summary>The 0-based row of its first occurrence in the split.</summary>
    public long FirstRow { get; } = firstRow;

    /// <summary>Records <paramref name="nums"/> and returns whether an earlier occurrence had the numbers in this very order.</summary>
    public bool AddOrder(long[] nums)
    {
        if (nums.AsSpan().SequenceEqual(firstOrder)) return true;
        if (_otherOrders is not null)
        {
            foreach (var order in _otherOrders)
            {
                if (nums.AsSpan().SequenceEqual(order)) return true;
            }
        }

        (_otherOrders ??= []).Add(nums);
        return false;
    }
}
