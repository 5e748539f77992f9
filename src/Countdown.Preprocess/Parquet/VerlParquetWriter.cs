using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Parquet;

namespace Countdown.Preprocess.Parquet;

/// <summary>Writes prepared rows as the Parquet file veRL reads: TinyZero's layout, as Hugging Face <c>datasets</c> writes it.</summary>
public static partial class VerlParquetWriter
{
    /// <summary>Writes all rows to <paramref name="destination"/>, one row group per <see cref="VerlParquetOptions.RowGroupSize"/> rows, and returns how many it wrote.</summary>
    /// <remarks>
    /// Rows are read once, lazily. While one row group is encoded and written on the thread pool, the next is
    /// gathered from <paramref name="rows"/>, so memory holds two row groups at most. The same rows and options always
    /// give the same bytes. The stream is left open. If writing fails, the stream holds a partial file without a
    /// footer, which no reader will take for a complete one.
    /// </remarks>
    /// <exception cref="UsageException"><see cref="VerlParquetOptions.RowGroupSize"/> is less than 1.</exception>
    public static async Task<long> WriteAsync(Stream destination, IEnumerable<PreparedRow> rows, VerlParquetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RowGroupSize < 1)
        {
            throw new UsageException($"Row group size '{options.RowGroupSize}' is not allowed; use at least 1 row per group.");
        }

        var schema = VerlParquetSchema.Create(options);
        var writer = await ParquetWriter.CreateAsync(schema.Schema, destination, ToParquetOptions(schema, options.Compression), cancellationToken: cancellationToken);
        writer.CustomMetadata = Metadata(options.IncludeSolution);

        long written = await WriteRowGroupsAsync(writer, schema, rows, options.RowGroupSize, cancellationToken);

        // Only a complete write gets the footer: ParquetWriter writes it on dispose.
        await writer.DisposeAsync();
        return written;
    }

    private static async Task<long> WriteRowGroupsAsync(ParquetWriter writer, VerlParquetSchema schema, IEnumerable<PreparedRow> rows, int rowGroupSize, CancellationToken cancellationToken)
    {
        // Double buffering: one buffer fills while the other is flushed, so producing rows overlaps encoding them.
        var filling = new RowGroupBuffer(schema, rowGroupSize);
        var flushing = new RowGroupBuffer(schema, rowGroupSize);
        var pending = Task.CompletedTask;
        long written = 0;
        try
        {
            foreach (var row in rows)
            {
                filling.Add(row);
                if (filling.Count == rowGroupSize)
                {
                    await pending;
                    cancellationToken.ThrowIfCancellationRequested();
                    written += filling.Count;
                    (filling, flushing) = (flushing, filling);
                    var full = flushing;
                    pending = Task.Run(() => full.FlushAsync(writer, cancellationToken), cancellationToken);
                }
            }

            await pending;
            if (filling.Count > 0)
            {
                written += filling.Count;
                await filling.FlushAsync(writer, cancellationToken);
            }

            return written;
        }
        finally
        {
            // On failure, let a running flush finish before the caller deletes or reuses the stream; its own error, if any, is secondary.
            await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
