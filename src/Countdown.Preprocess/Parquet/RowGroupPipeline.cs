using Countdown.Preprocess.Parquet.Splicing;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Parquet;

/// <summary>Gathers rows into row groups, encodes full groups on the thread pool several at once, and splices them into the file in order.</summary>
/// <remarks>
/// While one slot fills, up to <see cref="MaxEncoding"/> others are encoded by Parquet.Net as one-group files
/// (<see cref="ParquetSplicer"/> explains why), so encoding uses every core rather than one. Slots are made as
/// needed and reused, so memory holds at most <see cref="MaxEncoding"/> + 1 row groups and their encoded bytes; the
/// oldest group is spliced into the destination before its slot fills again, which keeps the file in row order.
/// </remarks>
internal sealed class RowGroupPipeline(ParquetSplicer splicer, VerlParquetOptions options) : IAsyncDisposable
{
    private readonly int _rowGroupSize = options.RowGroupSize;
    private readonly Stack<RowGroupSlot> _free = new();
    private readonly Queue<(RowGroupSlot Slot, Task Encoding)> _encoding = new();
    private RowGroupSlot _filling = new(options);
    private int _slots = 1;
    private long _written;

    /// <summary>Gets how many row groups are encoded at once: one per core, at most four (the producer of rows cannot feed more).</summary>
    internal static int MaxEncoding { get; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Adds every row of <paramref name="rows"/>.</summary>
    public async Task AddAllAsync(IEnumerable<PreparedRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            _filling.Buffer.Add(row);
            if (_filling.Buffer.Count == _rowGroupSize)
                await StartEncodingAsync(cancellationToken);
        }
    }

    /// <summary>Adds every row of <paramref name="rows"/>, as they arrive.</summary>
    public async Task AddAllAsync(IAsyncEnumerable<PreparedRow> rows, CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            _filling.Buffer.Add(row);
            if (_filling.Buffer.Count == _rowGroupSize)
                await StartEncodingAsync(cancellationToken);
        }
    }

    /// <summary>Adds the rows of <paramref name="count"/> tasks from <paramref name="start"/> in <paramref name="tasks"/>, numbered from <paramref name="firstIndex"/>, without building row objects.</summary>
    /// <remarks>Checks <paramref name="cancellationToken"/> every 1,024 rows, so Ctrl-C is seen quickly whatever the row group size.</remarks>
    public async Task AddAsync(IReadOnlyList<CountdownTask> tasks, int start, int count, PromptTemplate template, string split, long firstIndex, CancellationToken cancellationToken)
    {
        var buffer = _filling.Buffer;
        for (int i = 0; i < count; i++)
        {
            if ((i & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            buffer.Add(tasks[start + i], template, split, firstIndex + i);
            if (buffer.Count == _rowGroupSize)
            {
                await StartEncodingAsync(cancellationToken);
                buffer = _filling.Buffer;
            }
        }
    }

    /// <summary>Encodes the last, partial group and splices every group into the destination; returns the number of rows written.</summary>
    public async Task<long> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_filling.Buffer.Count > 0)
        {
            await StartEncodingAsync(cancellationToken);
        }

        while (_encoding.Count > 0)
        {
            _free.Push(await SpliceOldestAsync(cancellationToken));
        }

        return _written;
    }

    /// <summary>On failure, lets running encodings finish before the caller deletes or reuses the stream; their own errors, if any, are secondary.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (_, encoding) in _encoding)
        {
            await encoding.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task StartEncodingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var full = _filling;
        _written += full.Buffer.Count;
        _encoding.Enqueue((full, Task.Run(() => full.EncodeAsync(cancellationToken), cancellationToken)));
        _filling = await NextSlotAsync(cancellationToken);
    }

    private async Task<RowGroupSlot> NextSlotAsync(CancellationToken cancellationToken)
    {
        if (_free.TryPop(out var slot))
        {
            return slot;
        }

        if (_slots <= MaxEncoding)
        {
            _slots++;
            return new RowGroupSlot(options);
        }

        return await SpliceOldestAsync(cancellationToken);
    }

    private async Task<RowGroupSlot> SpliceOldestAsync(CancellationToken cancellationToken)
    {
        var (slot, encoding) = _encoding.Peek();
        await encoding;
        _encoding.Dequeue();
        await splicer.AppendAsync(slot.Encoded, cancellationToken);
        return slot;
    }
}
