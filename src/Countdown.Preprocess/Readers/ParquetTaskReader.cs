using System.Runtime.CompilerServices;
using Countdown.Preprocess.Tasks;
using Parquet;

namespace Countdown.Preprocess.Readers;

/// <summary>Reads Parquet as pyarrow writes it (the Hugging Face <c>Countdown-Tasks-3to4</c> layout), one batch per row group.</summary>
/// <remarks>
/// A file is read in place, one row group at a time, through a read buffer (Parquet.Net seeks and reads page headers in
/// small pieces). Standard input cannot seek, and a Parquet footer comes last, so a piped file is read into memory first.
/// Row groups are read page by page (<c>ParquetTaskReader.Pages.cs</c>), so memory holds a page of each column whatever
/// the row group's size. Row groups with a codec or encoding that path does not decode are read whole with
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
        Stream source = stream.CanSeek
            ? new BufferedStream(stream, ReadBufferSize)
            : new MemoryStream(await InputFiles.ReadAllAsync(stream, sourcePath, cancellationToken).ConfigureAwait(false), writable: false);
        await CheckMagicAsync(source, sourcePath, cancellationToken).ConfigureAwait(false);
        await using ParquetReader parquet = await OpenAsync(source, sourcePath, cancellationToken).ConfigureAwait(false);
        using var reader = new ParquetTaskReader(sourcePath, ParquetTaskColumns.Resolve(parquet.Schema, sourcePath));
        long firstRow = 0;
        for (int group = 0; group < parquet.RowGroupCount; group++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ParquetRowGroupReader rowGroup = parquet.OpenRowGroupReader(group);
            if (reader.CanReadPages(rowGroup))
            {
                await foreach (var batch in reader.ReadPagesAsync(source, rowGroup, group, firstRow, cancellationToken).ConfigureAwait(false))
                    yield return batch;
                firstRow += rowGroup.RowCount;
                continue;
            }
            int rows = await reader.DecodeRowGroupAsync(rowGroup, group, cancellationToken).ConfigureAwait(false);
            for (int start = 0; start < rows; start += BatchRows)
            {
                if (start > 0) cancellationToken.ThrowIfCancellationRequested();
                yield return reader.TakeTasks(start, Math.Min(BatchRows, rows - start), firstRow);
            }
            firstRow += rows;
        }
    }

    /// <summary>The read buffer in front of a file: large enough for a page header and its neighbours, small beside a row group.</summary>
    private const int ReadBufferSize = 1 << 16;

    /// <summary>Checks the magic at both ends of the seekable <paramref name="file"/> and leaves it at its start.</summary>
    private static async Task CheckMagicAsync(Stream file, string sourcePath, CancellationToken cancellationToken)
    {
        string name = InputFiles.DescribeAtStart(sourcePath);
        long length;
        byte[] head = new byte[4], tail = new byte[4];
        int headRead, tailRead = 0;
        try
        {
            length = file.Length - file.Position;
            long start = file.Position;
            headRead = await file.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (length >= 12)
            {
                file.Position = start + length - 4;
                tailRead = await file.ReadAtLeastAsync(tail, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            }
            file.Position = start;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw InputFiles.ReadFailed(sourcePath, ex);
        }
        if (length == 0)
            throw new InputFileException($"{name} is empty (0 bytes), so it holds no records; check that it is the right file.", sourcePath);
        if (!head.AsSpan(0, headRead).SequenceEqual(Magic))
            throw new InputFileException($"{name} is not a Parquet file (it does not start with 'PAR1'); pass --input-format if it holds JSON Lines, JSON or CSV.", sourcePath);
        if (length < 12 || !tail.AsSpan(0, tailRead).SequenceEqual(Magic))
            throw new InputFileException($"{name} is truncated: it starts like a Parquet file but its footer is missing; download or write it again.", sourcePath);
    }

    private static async Task<ParquetReader> OpenAsync(Stream file, string sourcePath, CancellationToken cancellationToken)
    {
        try
        {
            Inspection.ParquetFooter.Check(file); // a bad footer length must not reach the Thrift decoder
            var reader = await ParquetReader.CreateAsync(file, leaveStreamOpen: false, cancellationToken: cancellationToken).ConfigureAwait(false);
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
