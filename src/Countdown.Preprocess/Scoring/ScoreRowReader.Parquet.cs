using System.Runtime.CompilerServices;
using Countdown.Preprocess.Tasks;
using Parquet;
using Parquet.Schema;

namespace Countdown.Preprocess.Scoring;

public static partial class ScoreRowReader
{
    private static async IAsyncEnumerable<ScoreRow> ReadParquetAsync(Stream input, string path,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!input.CanSeek)
            throw new InputFileException("Parquet cannot be read from standard input; pass the file's path with --input.", path);
        ParquetReader reader;
        try
        {
            Inspection.ParquetFooter.Check(input);
            reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (Inspection.ParquetFooter.IsCorruption(error))
        {
            throw new InputFileException($"{Capitalized(path)} is not a readable Parquet file ({ScoreRowReader.Clause(error.Message)}); check the file.", path, error);
        }
        await using (reader)
        {
            var columns = Guard(() => ParquetScoreColumns.Resolve(reader.Schema, path), path);
            long firstRow = 0;
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                using var rowGroup = Guard(() => reader.OpenRowGroupReader(group), path);
                List<ScoreRow> rows;
                try
                {
                    rows = await columns.ReadAsync(rowGroup, firstRow, cancellationToken);
                }
                catch (Exception error) when (Inspection.ParquetFooter.IsCorruption(error))
                {
                    throw Corrupt(path, error);
                }
                foreach (var row in rows) yield return row;
                firstRow += rowGroup.RowCount;
            }
        }
    }

    // Parquet.Net decodes lazily: a damaged footer can surface only when the schema or a row group is first used.
    private static T Guard<T>(Func<T> read, string path)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (Inspection.ParquetFooter.IsCorruption(error))
        {
            throw Corrupt(path, error);
        }
    }

    private static InputFileException Corrupt(string path, Exception error)
        => new($"{Capitalized(path)} is a damaged Parquet file ({ScoreRowReader.Clause(error.Message)}); write the file again.", path, error);
}
