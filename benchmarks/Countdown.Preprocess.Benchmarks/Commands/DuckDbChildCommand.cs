using System.CommandLine;
using Countdown.Preprocess.Benchmarks.Jobs;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>The DuckDB contender as a child process: runs the SQL job once and exits; the parent measures it.</summary>
internal sealed class DuckDbChildCommand : Command
{
    private readonly Option<string> _input = new("--input") { Description = "The raw tasks Parquet file.", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "Folder for train.parquet and test.parquet.", Required = true };
    private readonly Option<long> _trainSize = new("--train-size") { DefaultValueFactory = _ => PrepareSpec.DefaultTrainSize };
    private readonly Option<long> _testSize = new("--test-size") { DefaultValueFactory = _ => PrepareSpec.DefaultTestSize };
    private readonly Option<string> _compression = new("--compression") { DefaultValueFactory = _ => PrepareSpec.DefaultCompression };
    private readonly Option<string> _template = new("--template") { DefaultValueFactory = _ => PrepareSpec.DefaultTemplate };
    private readonly Option<string?> _memoryLimit = new("--memory-limit") { Description = "DuckDB's memory_limit, e.g. 8GB (default: DuckDB's own, 80% of RAM)." };
    private readonly Option<string?> _tempDir = new("--temp-dir") { Description = "DuckDB's temp_directory, where it spills beyond the memory limit." };
    private readonly Option<bool> _unordered = new("--unordered") { Description = "Drop ORDER BY file_row_number; rely on DuckDB keeping insertion order." };

    public DuckDbChildCommand() : base("duckdb-child", "Internal: run the prepare job in DuckDB once (the harness starts this as a child).")
    {
        Hidden = true;
        foreach (var option in new Option[] { _input, _out, _trainSize, _testSize, _compression, _template, _unordered, _memoryLimit, _tempDir }) Options.Add(option);
        SetAction(async (parseResult, cancellationToken) =>
        {
            var spec = new PrepareSpec(parseResult.GetRequiredValue(_input), parseResult.GetValue(_trainSize), parseResult.GetValue(_testSize),
                parseResult.GetValue(_compression), parseResult.GetValue(_template)!);
            await DuckDbPrepareJob.RunAsync(spec, parseResult.GetRequiredValue(_out), !parseResult.GetValue(_unordered), cancellationToken,
                parseResult.GetValue(_memoryLimit), parseResult.GetValue(_tempDir));
            return 0;
        });
    }
}
