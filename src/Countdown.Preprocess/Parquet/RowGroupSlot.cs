using System.Buffers;
using Countdown.Preprocess.Parquet.Encoding;
using Countdown.Preprocess.Parquet.Splicing;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Parquet;

namespace Countdown.Preprocess.Parquet;

/// <summary>Room for one row group: its rows gather here, then a worker renders and encodes them; the pipeline splices the result into the file.</summary>
/// <remarks>
/// Tasks added with <see cref="Defer"/> are only referenced (their batches never change once read), so the prompts are
/// rendered on the worker that encodes the group, not on the one thread that reads the input: rendering is as much
/// work as encoding, and this spreads both over every core. Groups are encoded by <see cref="RowGroupEncoder"/>
/// (Parquet.Net's bytes, without its encoder); a group it cannot take is encoded by Parquet.Net as a one-group file.
/// Each slot has its own schema, buffers and encoder, reused from group to group.
/// </remarks>
internal sealed class RowGroupSlot : IDisposable
{
    private readonly VerlParquetSchema _schema;
    private readonly ParquetOptions _parquetOptions;
    private readonly RowGroupEncoder _encoder;
    private readonly ArrayBufferWriter<byte> _chunks = new(1 << 20);
    private readonly MemoryStream _file = new();
    private readonly RowGroupBuffer _buffer;
    private readonly List<DeferredRun> _deferred = [];
    private int _deferredRows;
    private ThriftStruct? _group;

    /// <summary>Creates an empty slot for files written with <paramref name="options"/>.</summary>
    public RowGroupSlot(VerlParquetOptions options)
    {
        _schema = VerlParquetSchema.Create(options);
        _parquetOptions = VerlParquetWriter.ToParquetOptions(_schema, options.Compression);
        _encoder = new RowGroupEncoder(_schema, options.Compression);
        _buffer = new RowGroupBuffer(_schema, options.RowGroupSize);
    }

    /// <summary>Shreds <paramref name="row"/> now, after any deferred rows.</summary>
    public void Add(PreparedRow row)
    {
        RenderDeferred(CancellationToken.None);
        _buffer.Add(row);
    }

    /// <summary>Gets the number of rows in the slot, deferred ones included.</summary>
    public int Count => _deferredRows + _buffer.Count;

    /// <summary>Adds <paramref name="count"/> tasks from <paramref name="start"/> in <paramref name="tasks"/>, numbered from <paramref name="firstIndex"/>, to be rendered when the group is encoded.</summary>
    /// <remarks><paramref name="tasks"/> must not change until the group is encoded.</remarks>
    public void Defer(IReadOnlyList<CountdownTask> tasks, int start, int count, PromptTemplate template, string split, long firstIndex)
    {
        _deferred.Add(new DeferredRun(tasks, start, count, template, split, firstIndex));
        _deferredRows += count;
    }

    /// <summary>Renders any deferred rows and encodes the group, then empties the slot's rows.</summary>
    public async Task EncodeAsync(CancellationToken cancellationToken)
    {
        RenderDeferred(cancellationToken);
        var buffer = _buffer;
        _chunks.ResetWrittenCount();
        _group = null;
        var group = buffer.EncodeTo(_encoder, _chunks);
        if (group is not null)
        {
            _group = RowGroupThrift.From(group);
            return;
        }

        _file.SetLength(0);
        var writer = await ParquetWriter.CreateAsync(_schema.Schema, _file, _parquetOptions, cancellationToken: cancellationToken);
        await buffer.FlushAsync(writer, cancellationToken);
        await writer.DisposeAsync();
    }

    /// <summary>Appends the encoded group to <paramref name="splicer"/>.</summary>
    public Task SpliceIntoAsync(ParquetSplicer splicer, CancellationToken cancellationToken)
        => _group is { } group
            ? splicer.AppendChunksAsync(_chunks.WrittenMemory, group, cancellationToken)
            : splicer.AppendAsync(_file.GetBuffer().AsMemory(0, (int)_file.Length), cancellationToken);

    /// <summary>Frees the encoder and the buffers.</summary>
    public void Dispose()
    {
        _encoder.Dispose();
        _buffer.Dispose();
    }

    private void RenderDeferred(CancellationToken cancellationToken)
    {
        if (_deferred.Count == 0) return;
        var buffer = _buffer;
        foreach (var run in _deferred)
        {
            for (int i = 0; i < run.Count; i++)
            {
                if ((i & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                buffer.Add(run.Tasks[run.Start + i], run.Template, run.Split, run.FirstIndex + i);
            }
        }
        _deferred.Clear();
        _deferredRows = 0;
    }

    private sealed record DeferredRun(IReadOnlyList<CountdownTask> Tasks, int Start, int Count, PromptTemplate Template, string Split, long FirstIndex);
}
