using System.CommandLine;
using Countdown.Preprocess.Benchmarks.Harness;
using Countdown.Preprocess.Benchmarks.Jobs;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>The issue's benchmark: our default <c>prepare</c> job against the same job as DuckDB SQL, each a child process.</summary>
internal sealed class PrepareVsDuckDbCommand : BenchmarkCommand
{
    private const double PeakBoundMB = 300;

    private readonly Option<FileInfo> _input = HarnessOptions.Input();
    private readonly Option<int> _runs = HarnessOptions.Runs(5);
    private readonly Option<string> _cli = HarnessOptions.Cli();
    private readonly Option<string?> _workDir = HarnessOptions.WorkDir();
    private readonly Option<string?> _results = HarnessOptions.Results();
    private readonly Option<bool> _duckDbOnly = new("--duckdb-only") { Description = "Measure DuckDB alone (before the CLI can run)." };
    private readonly Option<bool> _noVerify = new("--no-verify") { Description = "Skip checking the warm-up outputs (against the raw rows and our template, and ours against DuckDB's)." };
    private readonly Option<bool> _unordered = new("--duckdb-unordered") { Description = "Drop DuckDB's ORDER BY file_row_number (it keeps file order anyway): less memory, a stricter baseline." };
    private readonly Option<long> _trainSize = new("--train-size") { Description = "Train rows (default TinyZero's 327,680).", DefaultValueFactory = _ => PrepareSpec.DefaultTrainSize };
    private readonly Option<long> _testSize = new("--test-size") { Description = "Test rows (default 1,024).", DefaultValueFactory = _ => PrepareSpec.DefaultTestSize };

    public PrepareVsDuckDbCommand()
        : base("prepare-vs-duckdb", "Time `prepare` (default job) against the same transformation as one DuckDB SQL statement per file; medians, peak memory, ratio.")
    {
        foreach (var option in new Option[] { _input, _runs, _cli, _workDir, _results, _duckDbOnly, _noVerify, _unordered, _trainSize, _testSize })
            Options.Add(option);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var spec = new PrepareSpec(parseResult.GetRequiredValue(_input).FullName, parseResult.GetValue(_trainSize), parseResult.GetValue(_testSize));
        var cli = Path.GetFullPath(parseResult.GetRequiredValue(_cli));
        var duckDbOnly = parseResult.GetValue(_duckDbOnly);
        if (!duckDbOnly) HarnessOptions.RequireCli(cli);

        List<Contender> contenders = [];
        if (!duckDbOnly) contenders.Add(new Contender("ours", dir => OursPrepareJob.Command(cli, spec, dir)));
        var ordered = !parseResult.GetValue(_unordered);
        contenders.Add(new Contender("DuckDB", dir => DuckDbPrepareJob.Command(spec, dir, ordered)));

        using var scratch = new ScratchDirectory(parseResult.GetValue(_workDir));
        var series = await Rounds.RunAsync(contenders, parseResult.GetValue(_runs), scratch, Console.Error,
            parseResult.GetValue(_noVerify) ? null : dirs => VerifyAsync(spec, dirs, cancellationToken), cancellationToken);

        var report = new Report("prepare: ours versus DuckDB", CommandLine(parseResult));
        report.Line($"Job: `prepare` of `{Path.GetFileName(spec.Input)}`, train {spec.TrainSize:N0} + test {spec.TestSize:N0} rows, template {spec.Template}, {spec.Codec}. "
                    + "Each run is a child process started by the harness; wall time is process start to exit. DuckDB runs one "
                    + $"`COPY (SELECT ... {(ordered ? "ORDER BY file_row_number" : "without ORDER BY")}) TO ... (FORMAT parquet)` per file "
                    + "through DuckDB.NET, in-memory database, default threads and memory limit.");
        if (!duckDbOnly) report.Line($"Ours: `{Path.GetRelativePath(RepositoryPaths.Root, cli)}`.");
        report.Line("");
        report.Table(series);
        if (series is [var ours, var duck])
        {
            report.Line($"- Ratio ours / DuckDB: wall time x{ours.Wall!.Value.Median / duck.Wall!.Value.Median:F2}, "
                        + $"peak memory x{ours.PeakMB?.Median / duck.PeakMB?.Median:F2} (medians).");
            report.Line($"- Wall time no more than DuckDB's (medians): {YesNo(ours.Wall.Value.Median <= duck.Wall.Value.Median)}.");
            report.Line($"- Peak memory under {PeakBoundMB:F0} MB (worst run): {YesNo(ours.PeakMB?.Max < PeakBoundMB)}.");
        }
        await report.EmitAsync(Console.Out, parseResult.GetValue(_results));
        return 0;
    }

    private static async Task VerifyAsync(PrepareSpec spec, IReadOnlyDictionary<string, string> dirs, CancellationToken cancellationToken)
    {
        var problems = await OutputCheck.AgainstLibraryAsync(spec, dirs, cancellationToken);
        if (dirs.TryGetValue("ours", out var ours) && dirs.TryGetValue("DuckDB", out var duck))
            problems.AddRange(await OutputCheck.SameRowsAsync(spec, ours, duck, cancellationToken));
        if (problems.Count > 0)
            throw new BenchmarkFailure("The outputs differ, so the timings would not compare the same work:\n  " + string.Join("\n  ", problems.Take(20)));
        await Console.Error.WriteLineAsync($"# verified: {string.Join(" and ", dirs.Keys)} rows match the raw input and the '{spec.Template}' template"
                                           + (dirs.Count > 1 ? "; ours equals DuckDB's row for row" : ""));
    }

    private static string YesNo(bool? value) => value switch { true => "yes", false => "NO", null => "unknown" };
}
