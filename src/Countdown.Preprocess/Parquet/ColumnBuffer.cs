namespace Countdown.Preprocess.Parquet;

/// <summary>A growable array reused from row group to row group: values, or definition or repetition levels.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ColumnBuffer<T>(int initialCapacity)
{
    private T[] _items = new T[Math.Max(initialCapacity, 1)];

    /// <summary>Gets the number of items added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the items added so far.</summary>
    public ReadOnlyMemory<T> Memory => _items.AsMemory(0, Count);

    /// <summary>Appends one item.</summary>
    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    /// <summary>Forgets the items (keeping the storage) so the next row group can reuse it.</summary>
    public void Clear()
    {
        // Drop string references so finished row groups do not keep prompts alive.
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, 0, Count);
        }

        Count = 0;
    }
}
