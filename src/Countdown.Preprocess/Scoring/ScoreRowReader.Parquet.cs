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
            reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is IOException or ParquetException or InvalidDataException or NotSupportedException)
        {
            throw new InputFileException($"{Capitalized(path)} is not a readable Parquet file ({ScoreRowReader.Clause(error.Message)}); check the file.", path, error);
        }
        await using (reader)
        {
            var columns = ParquetScoreColumns.Resolve(reader.Schema, path);
            long firstRow = 0;
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                using var rowGroup = reader.OpenRowGroupReader(group);
                var rows = await columns.ReadAsync(rowGroup, firstRow, cancellationToken);
                foreach (var row in rows) yield return row;
                firstRow += rowGroup.RowCount;
            }
        }
    }
}
