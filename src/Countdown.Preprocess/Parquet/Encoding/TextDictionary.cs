using System.Runtime.InteropServices;

namespace Countdown.Preprocess.Parquet.Encoding;

/// <summary>Builds a string column's dictionary and indexes exactly as Parquet.Net 6.1 does, or gives up where it does.</summary>
/// <remarks>
/// Entries are in order of first appearance. Parquet.Net gives up when the column is empty or when a new value
/// arrives while the dictionary already holds (int)(count × 0.8) entries (its default threshold, no sampling), so
/// a one-value column is never dictionary-encoded. A handful of distinct values is searched linearly, the last
/// match first; more go through a hash map.
/// </remarks>
internal sealed class TextDictionary
{
    /// <summary>Parquet.Net's default <c>DictionaryEncodingThreshold</c>.</summary>
    private const double Threshold = 0.8;

    private const int LinearSearchLimit = 8;

    private readonly List<ReadOnlyMemory<char>> _entries = [];
    private readonly Dictionary<ReadOnlyMemory<char>, int> _lookup = new(OrdinalComparer.Instance);
    private int[] _indexes = new int[1024];
    private int _count;

    /// <summary>Gets the distinct values, in order of first appearance.</summary>
    public ReadOnlySpan<ReadOnlyMemory<char>> Entries => CollectionsMarshal.AsSpan(_entries);

    /// <summary>Gets each value's entry index.</summary>
    public ReadOnlySpan<int> Indexes => _indexes.AsSpan(0, _count);

    /// <summary>Builds the dictionary of <paramref name="values"/>; returns false where Parquet.Net would write them PLAIN.</summary>
    public bool TryBuild(ReadOnlySpan<ReadOnlyMemory<char>> values)
    {
        _entries.Clear();
        _lookup.Clear();
        _count = 0;
        if (values.IsEmpty)
        {
            return false;
        }

        int maxDistinct = (int)(values.Length * Threshold);
        if (_indexes.Length < values.Length)
        {
            _indexes = new int[Math.Max(values.Length, _indexes.Length * 2)];
        }

        int last = -1;
        for (int i = 0; i < values.Length; i++)
        {
            var value = values[i].Span;
            int index = last >= 0 && value.SequenceEqual(_entries[last].Span) ? last : Find(values[i]);
            if (index < 0)
            {
                if (_entries.Count >= maxDistinct)
                {
                    return false;
                }

                index = _entries.Count;
                _entries.Add(values[i]);
                if (_entries.Count > LinearSearchLimit)
                {
                    _lookup[values[i]] = index;
                }

                if (_entries.Count == LinearSearchLimit + 1)
                {
                    for (int e = 0; e < LinearSearchLimit; e++)
                    {
                        _lookup[_entries[e]] = e;
                    }
                }
            }

            _indexes[i] = index;
            last = index;
        }

        _count = values.Length;
        return true;
    }

    private int Find(ReadOnlyMemory<char> value)
    {
        if (_entries.Count > LinearSearchLimit)
        {
            return _lookup.TryGetValue(value, out int found) ? found : -1;
        }

        var span = value.Span;
        for (int e = 0; e < _entries.Count; e++)
        {
            if (span.SequenceEqual(_entries[e].Span))
            {
                return e;
            }
        }

        return -1;
    }

    private sealed class OrdinalComparer : IEqualityComparer<ReadOnlyMemory<char>>
    {
        public static OrdinalComparer Instance { get; } = new();

        public bool Equals(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<char> obj) => string.GetHashCode(obj.Span, StringComparison.Ordinal);
    }
}
