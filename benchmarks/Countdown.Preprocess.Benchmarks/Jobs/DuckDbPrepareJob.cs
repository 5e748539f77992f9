using System.Globalization;
using Countdown.Preprocess.Benchmarks.Harness;
using DuckDB.NET.Data;

namespace Countdown.Preprocess.Benchmarks.Jobs;

/// <summary>DuckDB's side: the same job as one SQL statement per output file, run in a child process of this harness.</summary>
internal static class DuckDbPrepareJob
{
    /// <summary>The child command: this harness in <c>duckdb-child</c> mode.</summary>
    public static ChildCommand Command(PrepareSpec spec, string outDir, bool ordered = true)
        => Launcher.Self(["duckdb-child", "--input", spec.Input, "--out", outDir,
            "--train-size", spec.TrainSize.ToString(CultureInfo.InvariantCulture),
            "--test-size", spec.TestSize.ToString(CultureInfo.InvariantCulture),
            "--compression", spec.Codec, "--template", spec.Template, .. ordered ? Array.Empty<string>() : ["--unordered"]]);

    /// <summary>Runs the job in this process: an in-memory DuckDB, one <c>COPY</c> per split.</summary>
    public static async Task RunAsync(PrepareSpec spec, string outDir, bool ordered, CancellationToken cancellationToken,
        string? memoryLimit = null, string? tempDirectory = null)
    {
        Directory.CreateDirectory(outDir);
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken);
        foreach (var (setting, value) in new[] { ("memory_limit", memoryLimit), ("temp_directory", tempDirectory) })
        {
            if (value is null) continue;
            await using var set = connection.CreateCommand();
            set.CommandText = $"SET {setting} = {DuckDbPrepareSql.Literal(value)}";
            await set.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (split, first, count) in spec.Splits)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = DuckDbPrepareSql.Copy(spec, split, first, count, Path.Combine(outDir, split + ".parquet"), ordered);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
