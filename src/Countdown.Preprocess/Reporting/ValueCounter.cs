namespace Countdown.Preprocess.Reporting;

/// <summary>Counts how often each integer value occurs: an array for small non-negative values (the common case), a dictionary for the rest.</summary>
internal sealed class ValueCounter
{
    private const int DenseLimit = 4096;
    private readonly long[] _dense = new long[DenseLimit];
    private readonly Dictionary<long, long> _sparse = [];

    /// <summary>Counts one occurrence of <paramref name="value"/>.</summary>
    public void Add(long value)
    {
        if ((ulong)value < DenseLimit) _dense[value]++;
        else _sparse[value] = _sparse.GetValueOrDefault(value) + 1;
    }

    /// <summary>The counts by value ascending, values never seen left out.</summary>
    public SortedDictionary<long, long> ToSorted()
    {
        var sorted = new SortedDictionary<long, long>(_sparse);
        for (var value = 0; value < DenseLimit; value++)
        {
            if (_dense[value] > 0) sorted.Add(value, _dense[value]);
        }

        return sorted;
    }
}
