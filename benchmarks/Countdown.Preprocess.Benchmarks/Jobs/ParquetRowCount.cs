using DuckDB.NET.Data;

namespace Countdown.Preprocess.Benchmarks.Jobs;

/// <summary>Counts the rows of a Parquet file from its footer, for items-per-second figures.</summary>
internal static class ParquetRowCount
{
    public static async Task<long> OfAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet({DuckDbPrepareSql.Literal(path)})";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
