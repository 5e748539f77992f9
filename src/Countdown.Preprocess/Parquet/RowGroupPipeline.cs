using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Parquet;

namespace Countdown.Preprocess.Parquet;

/// <summary>Gathers rows into row groups and writes each full group on the thread pool while the next one fills.</summary>
/// <remarks>Double buffering: one buffer fills while the other is flushed, so producing rows overlaps encoding them; memory holds two row groups at most.</remarks>
internal sealed class RowGroupPipeline(ParquetWriter writer, VerlParquetSchema schema, int rowGroupSize) : IAsyncDisposable
{
    private RowGroupBuffer _filling = new(schema, rowGroupSize);
    private RowGroupBuffer _flushing = new(schema, rowGroupSize);
    private Task _pending = Task.CompletedTask;
    private long _written;

    /// <summary>Adds every row of <paramref name="rows"/>.</summary>
    public async Task AddAllAsync(IEnumerable<PreparedRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            _filling.Add(row);
            if (_filling.Count == rowGroupSize)
                await StartFlushAsync(cancellationToken);
        }
    }

    /// <summary>Adds every row of <paramref name="rows"/>, as they arrive.</summary>
    public async Task AddAllAsync(IAsyncEnumerable<PreparedRow> rows, CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            _filling.Add(row);
            if (_filling.Count == rowGroupSize)
                await StartFlushAsync(cancellationToken);
        }
    }

    /// <summary>Adds the rows of <paramref name="count"/> tasks from <paramref name="start"/> in <paramref name="tasks"/>, numbered from <paramref name="firstIndex"/>, without building row objects.</summary>
    /// <remarks>Checks <paramref name="cancellationToken"/> every 1,024 rows, so Ctrl-C is seen quickly whatever the row group size.</remarks>
    public async Task AddAsync(IReadOnlyList<CountdownTask> tasks, int start, int count, PromptTemplate template, string split, long firstIndex, CancellationToken cancellationToken)
    {
        for (int i = 0; i < count; i++)
        {
            if ((i & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            _filling.Add(tasks[start + i], template, split, firstIndex + i);
            if (_filling.Count == rowGroupSize)
                await StartFlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes the last, partial group; returns the number of rows written.</summary>
    public async Task<long> CompleteAsync(CancellationToken cancellationToken)
    {
        await _pending;
        if (_filling.Count > 0)
        {
            _written += _filling.Count;
            await _filling.FlushAsync(writer, cancellationToken);
        }

        return _written;
    }

    /// <summary>On failure, lets a running flush finish before the caller deletes or reuses the stream; its own error, if any, is secondary.</summary>
    public async ValueTask DisposeAsync() => await _pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task StartFlushAsync(CancellationToken cancellationToken)
    {
        await _pending;
        cancellationToken.ThrowIfCancellationRequested();
        _written += _filling.Count;
        (_filling, _flushing) = (_flushing, _filling);
        var full = _flushing;
        _pending = Task.Run(() => full.FlushAsync(writer, cancellationToken), cancellationToken);
    }
}
