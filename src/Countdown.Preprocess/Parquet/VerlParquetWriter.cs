using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Parquet.Splicing;
using Parquet;

namespace Countdown.Preprocess.Parquet;

/// <summary>Writes prepared rows as the Parquet file veRL reads: TinyZero's layout, as Hugging Face <c>datasets</c> writes it.</summary>
public static partial class VerlParquetWriter
{
    /// <summary>Writes all rows to <paramref name="destination"/>, one row group per <see cref="VerlParquetOptions.RowGroupSize"/> rows, and returns how many it wrote.</summary>
    /// <remarks>
    /// Rows are read once, lazily. While row groups are encoded on the thread pool, one per core, the next is
    /// gathered from <paramref name="rows"/>, so memory holds a few row groups at most. The same rows and options always
    /// give the same bytes. The stream is left open. If writing fails, the stream holds a partial file without a
    /// footer, which no reader will take for a complete one.
    /// </remarks>
    /// <exception cref="UsageException"><see cref="VerlParquetOptions.RowGroupSize"/> is less than 1.</exception>
    public static Task<long> WriteAsync(Stream destination, IEnumerable<PreparedRow> rows, VerlParquetOptions options, CancellationToken cancellationToken = default)
        => WriteAsync(destination, rows, options, slots: null, cancellationToken);

    /// <summary>Writes all rows like <see cref="WriteAsync(Stream, IEnumerable{PreparedRow}, VerlParquetOptions, CancellationToken)"/>, with row group slots taken from and given back to <paramref name="slots"/>.</summary>
    internal static Task<long> WriteAsync(Stream destination, IEnumerable<PreparedRow> rows, VerlParquetOptions options, RowGroupSlotPool? slots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(destination, options, (groups, token) => groups.AddAllAsync(rows, token), slots, cancellationToken);
    }

    /// <summary>Writes rows as they arrive, like <see cref="WriteAsync(Stream, IEnumerable{PreparedRow}, VerlParquetOptions, CancellationToken)"/>.</summary>
    internal static Task<long> WriteAsync(Stream destination, IAsyncEnumerable<PreparedRow> rows, VerlParquetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(destination, options, (groups, token) => groups.AddAllAsync(rows, token), slots: null, cancellationToken);
    }

    /// <summary>Writes the rows <paramref name="addRows"/> adds to the pipeline it is given, like <see cref="WriteAsync(Stream, IEnumerable{PreparedRow}, VerlParquetOptions, CancellationToken)"/>;
    /// row group slots come from <paramref name="slots"/> when given, and go back to it once the file is complete.</summary>
    internal static async Task<long> WriteAsync(
        Stream destination, VerlParquetOptions options, Func<RowGroupPipeline, CancellationToken, Task> addRows, RowGroupSlotPool? slots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RowGroupSize < 1)
        {
            throw new UsageException($"Row group size '{options.RowGroupSize}' is not allowed; use at least 1 row per group.");
        }

        var splicer = await ParquetSplicer.StartAsync(destination, await EmptyFileAsync(options, cancellationToken), cancellationToken);
        long written;
        var groups = new RowGroupPipeline(splicer, options, slots);
        try
        {
            await addRows(groups, cancellationToken);
            written = await groups.CompleteAsync(cancellationToken);
        }
        finally
        {
            await groups.DisposeAsync();
        }

        // Only a complete write gets the footer.
        await splicer.CompleteAsync(cancellationToken);
        return written;
    }

    /// <summary>Writes, with Parquet.Net, a file of no row groups with the output's schema, options and key-value metadata: its footer is the template of the output's.</summary>
    private static async Task<byte[]> EmptyFileAsync(VerlParquetOptions options, CancellationToken cancellationToken)
    {
        var schema = VerlParquetSchema.Create(options);
        using var file = new MemoryStream();
        var writer = await ParquetWriter.CreateAsync(schema.Schema, file, ToParquetOptions(schema, options.Compression), cancellationToken: cancellationToken);
        writer.CustomMetadata = Metadata(options.IncludeSolution);
        await writer.DisposeAsync();
        return file.ToArray();
    }
}
