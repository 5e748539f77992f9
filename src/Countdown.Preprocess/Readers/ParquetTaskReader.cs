using System.Runtime.CompilerServices;
using Countdown.Preprocess.Tasks;
using Parquet;

namespace Countdown.Preprocess.Readers;

/// <summary>Reads Parquet as pyarrow writes it (the Hugging Face <c>Countdown-Tasks-3to4</c> layout), one batch per row group.</summary>
/// <remarks>
/// The file is read into memory first: task files are a few megabytes, and Parquet.Net seeks a lot. Columns are read with
/// <see cref="ParquetRowGroupReader.ReadRawAsync{T}"/> and assembled from definition and repetition levels, because
/// Parquet.Net 6.1's <c>ReadAsync</c> sizes level buffers by row count, which is too small for list columns (issues #766, #775).
/// </remarks>
internal sealed partial class ParquetTaskReader
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly string _sourcePath;
    private readonly ParquetTaskColumns _columns;

    private ParquetTaskReader(string sourcePath, ParquetTaskColumns columns)
    {
        _sourcePath = sourcePath;
        _columns = columns;
    }

    /// <summary>Streams the tasks of <paramref name="stream"/> in row order.</summary>
    public static async IAsyncEnumerable<List<CountdownTask>> ReadBatchesAsync(
        Stream stream, string sourcePath, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        byte[] file = await InputFiles.ReadAllAsync(stream, sourcePath, cancellationToken).ConfigureAwait(false);
        CheckMagic(file, sourcePath);
        await using ParquetReader parquet = await OpenAsync(file, sourcePath, cancellationToken).ConfigureAwait(false);
        var reader = new ParquetTaskReader(sourcePath, ParquetTaskColumns.Resolve(parquet.Schema, sourcePath));
        long firstRow = 0;
        for (int group = 0; group < parquet.RowGroupCount; group++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ParquetRowGroupReader rowGroup = parquet.OpenRowGroupReader(group);
            var batch = await reader.ReadRowGroupAsync(rowGroup, group, firstRow, cancellationToken).ConfigureAwait(false);
            firstRow += batch.Count;
            if (batch.Count > 0)
                yield return batch;
        }
    }

    private static void CheckMagic(byte[] file, string sourcePath)
    {
        string name = InputFiles.DescribeAtStart(sourcePath);
        if (file.Length == 0)
            throw new InputFileException($"{name} is empty (0 bytes), so it holds no records; check that it is the right file.", sourcePath);
        if (!file.AsSpan().StartsWith(Magic))
            throw new InputFileException($"{name} is not a Parquet file (it does not start with 'PAR1'); pass --input-format if it holds JSON Lines, JSON or CSV.", sourcePath);
        if (file.Length < 12 || !file.AsSpan().EndsWith(Magic))
            throw new InputFileException($"{name} is truncated: it starts like a Parquet file but its footer is missing; download or write it again.", sourcePath);
    }

    private static async Task<ParquetReader> OpenAsync(byte[] file, string sourcePath, CancellationToken cancellationToken)
    {
        try
        {
            var memory = new MemoryStream(file, writable: false);
            Inspection.ParquetFooter.Check(memory); // a bad footer length must not reach the Thrift decoder
            var reader = await ParquetReader.CreateAsync(memory, leaveStreamOpen: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            _ = reader.Schema; // decode the schema now so a corrupt one is reported as a corrupt footer
            return reader;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InputFileException(
                $"{InputFiles.DescribeAtStart(sourcePath)} has a corrupt Parquet footer ({InputFiles.Clause(ex.Message)}); download or write it again.",
                sourcePath, ex);
        }
    }
}
