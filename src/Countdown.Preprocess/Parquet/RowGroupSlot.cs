using Parquet;

namespace Countdown.Preprocess.Parquet;

/// <summary>Room for one row group: its rows gather in <see cref="Buffer"/>, then Parquet.Net encodes them as a one-group file in <see cref="Output"/>.</summary>
/// <remarks>Each slot has its own schema and options, as Parquet.Net binds fields to one schema, so slots encode side by side on the thread pool. The buffers are reused from group to group.</remarks>
internal sealed class RowGroupSlot
{
    private readonly VerlParquetSchema _schema;
    private readonly ParquetOptions _parquetOptions;

    /// <summary>Creates an empty slot for files written with <paramref name="options"/>.</summary>
    public RowGroupSlot(VerlParquetOptions options)
    {
        _schema = VerlParquetSchema.Create(options);
        _parquetOptions = VerlParquetWriter.ToParquetOptions(_schema, options.Compression);
        Buffer = new RowGroupBuffer(_schema, options.RowGroupSize);
    }

    /// <summary>Gets the rows of the group being gathered.</summary>
    public RowGroupBuffer Buffer { get; }

    /// <summary>Gets the last encoded group: a complete Parquet file of one row group, without key-value metadata.</summary>
    public MemoryStream Output { get; } = new();

    /// <summary>Gets the encoded file's bytes.</summary>
    public ReadOnlyMemory<byte> Encoded => Output.GetBuffer().AsMemory(0, (int)Output.Length);

    /// <summary>Encodes the buffered rows into <see cref="Output"/> and empties the buffer.</summary>
    public async Task EncodeAsync(CancellationToken cancellationToken)
    {
        Output.SetLength(0);
        var writer = await ParquetWriter.CreateAsync(_schema.Schema, Output, _parquetOptions, cancellationToken: cancellationToken);
        await Buffer.FlushAsync(writer, cancellationToken);
        await writer.DisposeAsync();
    }
}
