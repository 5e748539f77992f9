using Countdown.Preprocess.Parquet.Splicing;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Parquet;

/// <summary>Gathers rows into row groups, encodes full groups on the thread pool several at once, and splices them into the file in order.</summary>
/// <remarks>
/// While one slot fills, up to <see cref="MaxEncoding"/> others are rendered and encoded (<see cref="RowGroupSlot"/>;
/// <see cref="ParquetSplicer"/> explains why the groups are spliced), so both use every core rather than one. Slots are made as
/// needed and reused, so memory holds at most <see cref="MaxEncoding"/> + 1 row groups and their encoded bytes; the
/// oldest group is spliced into the destination before its slot fills again, which keeps the file in row order.
/// </remarks>
internal sealed class RowGroupPipeline : IAsyncDisposable
{
    private readonly ParquetSplicer _splicer;
    private readonly RowGroupSlotPool _pool;
    private readonly bool _ownsPool;
    private readonly int _rowGroupSize;
    private readonly Stack<RowGroupSlot> _free = new();
    private readonly Queue<(RowGroupSlot Slot, Task Encoding)> _encoding = new();
    private readonly List<RowGroupSlot> _all = [];
    private RowGroupSlot _filling;
    private long _written;
    private bool _completed;

    /// <summary>Creates a pipeline that splices row groups of <paramref name="options"/>' size into <paramref name="splicer"/>.</summary>
    /// <param name="splicer">The file the groups go to.</param>
    /// <param name="options">The output's options.</param>
    /// <param name="slots">Slots to take and, once the file is complete, give back (their options must be <paramref name="options"/>); null for slots of this file only.</param>
    public RowGroupPipeline(ParquetSplicer splicer, VerlParquetOptions options, RowGroupSlotPool? slots = null)
    {
        if (slots is not null && slots.Options != options)
            throw new ArgumentException("The slot pool writes with other options than the file.", nameof(slots));
        _splicer = splicer;
        _pool = slots ?? new RowGroupSlotPool(options);
        _ownsPool = slots is null;
        _rowGroupSize = options.RowGroupSize;
        _filling = NewSlot();
    }

    /// <summary>Gets how many row groups are encoded at once: one per core, at most four (the producer of rows cannot feed more).</summary>
    internal static int MaxEncoding { get; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Adds every row of <paramref name="rows"/>.</summary>
    public async Task AddAllAsync(IEnumerable<PreparedRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            _filling.Add(row);
            if (_filling.Count == _rowGroupSize)
                await StartEncodingAsync(cancellationToken);
        }
    }

    /// <summary>Adds every row of <paramref name="rows"/>, as they arrive.</summary>
    public async Task AddAllAsync(IAsyncEnumerable<PreparedRow> rows, CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            _filling.Add(row);
            if (_filling.Count == _rowGroupSize)
                await StartEncodingAsync(cancellationToken);
        }
    }

    /// <summary>Adds the rows of <paramref name="count"/> tasks from <paramref name="start"/> in <paramref name="tasks"/>, numbered from <paramref name="firstIndex"/>, without building row objects.</summary>
    /// <remarks>The tasks are only referenced here; their prompts are rendered by the worker that encodes their group, so <paramref name="tasks"/> must not change afterwards.</remarks>
    public async Task AddAsync(IReadOnlyList<CountdownTask> tasks, int start, int count, PromptTemplate template, string split, long firstIndex, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int take = Math.Min(count, _rowGroupSize - _filling.Count);
            _filling.Defer(tasks, start, take, template, split, firstIndex);
            (start, count, firstIndex) = (start + take, count - take, firstIndex + take);
            if (_filling.Count == _rowGroupSize)
                await StartEncodingAsync(cancellationToken);
        }
    }

    /// <summary>Encodes the last, partial group and splices every group into the destination; returns the number of rows written.</summary>
    public async Task<long> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_filling.Count > 0)
        {
            // The last group: no next slot to fill.
            await StartEncodingAsync(cancellationToken, last: true);
        }

        while (_encoding.Count > 0)
        {
            _free.Push(await SpliceOldestAsync(cancellationToken));
        }

        _completed = true;
        return _written;
    }

    /// <summary>Gives the slots back to the pool if the file is complete, else frees them; on failure, first lets running encodings finish before the caller deletes or reuses the stream (their own errors, if any, are secondary).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (_, encoding) in _encoding)
        {
            await encoding.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var slot in _all)
        {
            // A failed file may leave rows in a slot: only empty slots are reused.
            if (_completed) _pool.Return(slot);
            else slot.Dispose();
        }

        _all.Clear();
        if (_ownsPool) _pool.Dispose();
    }

    private async Task StartEncodingAsync(CancellationToken cancellationToken, bool last = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var full = _filling;
        _written += full.Count;
        _encoding.Enqueue((full, Task.Run(() => full.EncodeAsync(cancellationToken), cancellationToken)));
        if (!last) _filling = await NextSlotAsync(cancellationToken);
    }

    private async Task<RowGroupSlot> NextSlotAsync(CancellationToken cancellationToken)
    {
        if (_free.TryPop(out var slot))
        {
            return slot;
        }

        if (_all.Count <= MaxEncoding)
        {
            return NewSlot();
        }

        return await SpliceOldestAsync(cancellationToken);
    }

    private RowGroupSlot NewSlot()
    {
        var slot = _pool.Rent();
        _all.Add(slot);
        return slot;
    }

    private async Task<RowGroupSlot> SpliceOldestAsync(CancellationToken cancellationToken)
    {
        var (slot, encoding) = _encoding.Peek();
        await encoding;
        _encoding.Dequeue();
        await slot.SpliceIntoAsync(_splicer, cancellationToken);
        return slot;
    }
}
