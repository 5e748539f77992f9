using System.CommandLine;
using System.Globalization;
using Countdown.Preprocess.Benchmarks.Harness;
using Countdown.Preprocess.Benchmarks.Jobs;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>
/// The scale mode: inputs of millions of generated tasks, our <c>prepare</c> against DuckDB's one statement per split,
/// for each codec; wall, CPU and peak memory of child processes, to show how time and memory grow with N.
/// </summary>
internal sealed class ScaleCommand : BenchmarkCommand
{
    private readonly Option<string> _sizes = new("--sizes") { Description = "Comma-separated task counts to generate and prepare.", DefaultValueFactory = _ => "5000000,20000000" };
    private readonly Option<string> _codecs = new("--codecs") { Description = "Comma-separated codecs: snappy (the default, pyarrow's), zstd, gzip, none.", DefaultValueFactory = _ => "snappy,zstd" };
    private readonly Option<long> _testSize = new("--test-size") { Description = "Test rows; train takes every other task.", DefaultValueFactory = _ => PrepareSpec.DefaultTestSize };
    private readonly Option<string> _duckDbMemory = new("--duckdb-memory-limit")
    {
        Description = "DuckDB's memory_limit (it spills its sort to the scratch folder beyond it); keeps a shared machine safe. 'default' leaves DuckDB's 80% of RAM.",
        DefaultValueFactory = _ => "8GB",
    };
    private readonly Option<bool> _commands = new("--other-commands") { Description = "Also time generate, stats, score (of as many generated answers) and validate once per size (peak memory at scale)." };
    private readonly Option<int> _runs = HarnessOptions.Runs(2);
    private readonly Option<string> _cli = HarnessOptions.Cli();
    private readonly Option<string?> _workDir = HarnessOptions.WorkDir();
    private readonly Option<string?> _results = HarnessOptions.Results();

    public ScaleCommand()
        : base("scale", "Time `prepare` against DuckDB on millions of generated tasks (default 5M and 20M), snappy and zstd: wall, CPU, peak memory per N.")
    {
        foreach (var option in new Option[] { _sizes, _codecs, _testSize, _duckDbMemory, _commands, _runs, _cli, _workDir, _results }) Options.Add(option);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var cli = Path.GetFullPath(parseResult.GetRequiredValue(_cli));
        HarnessOptions.RequireCli(cli);
        var sizes = parseResult.GetRequiredValue(_sizes).Split(',').Select(s => long.Parse(s.Trim().Replace("_", ""), CultureInfo.InvariantCulture)).ToArray();
        var codecs = parseResult.GetRequiredValue(_codecs).Split(',').Select(c => c.Trim()).ToArray();
        var testSize = parseResult.GetValue(_testSize);
        var memory = parseResult.GetRequiredValue(_duckDbMemory);
        var runs = parseResult.GetValue(_runs);

        using var scratch = new ScratchDirectory(parseResult.GetValue(_workDir));
        var rows = new List<ScaleRow>();
        foreach (var size in sizes)
        {
            var input = Path.Combine(scratch.Path, $"tasks-{size}.parquet");
            var generate = await OnceAsync($"generate {size:N0}", Launcher.Cli(cli, ["generate", "-q", "--count", Invariant(size), "--output", input, "--seed", "1"]), cancellationToken);
            await Console.Error.WriteLineAsync($"# generated {size:N0} tasks, {new FileInfo(input).Length / 1e6:F0} MB: {input}");
            if (parseResult.GetValue(_commands))
            {
                rows.Add(new ScaleRow(size, "-", "generate (ours)", generate));
                rows.Add(new ScaleRow(size, "-", "stats (ours)", await OnceAsync("stats", Launcher.Cli(cli, ["stats", "-q", input]), cancellationToken)));
                var answers = Path.Combine(scratch.Path, $"answers-{size}.jsonl");
                await SyntheticAnswers.WriteAsync(answers, size, seed: 42, cancellationToken);
                rows.Add(new ScaleRow(size, "-", "score (ours)", await OnceAsync("score", Launcher.ToDevNull(Launcher.Cli(cli, ["score", "-q", answers])), cancellationToken)));
                File.Delete(answers);
            }

            foreach (var codec in codecs)
            {
                var spec = new PrepareSpec(input, size - testSize - 1, testSize, codec == PrepareSpec.DefaultCompression ? null : codec);
                Contender[] contenders =
                [
                    new("ours", dir => OursPrepareJob.Command(cli, spec, dir)),
                    new("DuckDB", dir => WithMemoryLimit(DuckDbPrepareJob.Command(spec, dir), memory, scratch.Path)),
                ];
                var series = await Rounds.RunAsync(contenders, runs, scratch, Console.Error, dirs => CheckCountsAsync(spec, dirs, cancellationToken), cancellationToken, countWarmUp: true);
                rows.AddRange(series.Select(s => new ScaleRow(size, codec, s.Name, s)));
            }

            if (parseResult.GetValue(_commands))
            {
                var outDir = Path.Combine(scratch.Path, "validate-input");
                await OnceAsync("prepare for validate", OursPrepareJob.Command(cli, new PrepareSpec(input, size - testSize - 1, testSize), outDir), cancellationToken);
                rows.Add(new ScaleRow(size, "snappy", "validate (ours)", await OnceAsync("validate", Launcher.Cli(cli, ["validate", "-q", outDir]), cancellationToken)));
                Directory.Delete(outDir, recursive: true);
            }
            File.Delete(input);
            // Partial results after each size: a long run that is stopped still leaves its figures.
            await BuildReport(parseResult, rows, testSize, memory, runs).EmitAsync(TextWriter.Null, parseResult.GetValue(_results));
        }

        await BuildReport(parseResult, rows, testSize, memory, runs).EmitAsync(Console.Out, parseResult.GetValue(_results));
        return 0;
    }

    private static Report BuildReport(ParseResult parseResult, List<ScaleRow> rows, long testSize, string memory, int runs)
    {
        var report = new Report("scale: prepare at millions of tasks, ours versus DuckDB", CommandLine(parseResult));
        report.Line($"Job: `generate --count N --seed 1` makes the input (not timed in the prepare rows); `prepare` then splits it as TinyZero does: "
                    + $"train = the first N − {testSize + 1:N0} rows, test = the {testSize:N0} after them (TinyZero asserts more rows than train + test, so one is left), in file order, template base. Both contenders are child "
                    + "processes (ours: the CLI; DuckDB: one `COPY (SELECT ... ORDER BY file_row_number) TO ...` per split through DuckDB.NET, in-memory "
                    + $"database, default threads, memory_limit {memory}, temp_directory in the scratch folder). {runs} "
                    + "measured runs each, alternating ours and DuckDB, the first of them checked (row counts of both outputs) and counted: the input is cached by then, and a warm-up would double a job of minutes; wall = process start to exit, CPU = user + system, peak = max RSS (GNU time).");
        report.Line("");
        ScaleTable(report, rows);
        return report;
    }

    private static void ScaleTable(Report report, List<ScaleRow> rows)
    {
        report.Line("| N tasks | Codec | Contender | Runs | Wall median (s) | Wall min–max (s) | CPU median (s) | Peak RSS median (MB) | Peak RSS max (MB) | µs wall per task | train MB |");
        report.Line("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (size, codec, name, series) in rows)
        {
            var wall = series.Wall!.Value;
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {codec} | {name} | {series.Samples.Count} | {wall.Median:F2} | {wall.Min:F2}–{wall.Max:F2} | {series.CpuSeconds?.Median:F2} | "
                + $"{series.PeakMB?.Median:F0} | {series.PeakMB?.Max:F0} | {wall.Median * 1e6 / size:F2} | {series.Notes.GetValueOrDefault("train.parquet MB", "–")} |"));
        }
        report.Line("");
        foreach (var group in rows.Where(r => r.Codec != "-").GroupBy(r => (r.Size, r.Codec)))
        {
            if (group.FirstOrDefault(r => r.Name == "ours") is not { } ours || group.FirstOrDefault(r => r.Name == "DuckDB") is not { } duck) continue;
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"- {group.Key.Size:N0} tasks, {group.Key.Codec}: ours / DuckDB wall x{ours.Series.Wall!.Value.Median / duck.Series.Wall!.Value.Median:F2}, "
                + $"peak memory x{ours.Series.PeakMB?.Median / duck.Series.PeakMB?.Median:F2} (medians)."));
        }
    }

    /// <summary>Runs one child once and keeps it as a one-sample series; fails like <see cref="Rounds"/> on a non-zero exit.</summary>
    private static async Task<Series> OnceAsync(string name, ChildCommand command, CancellationToken cancellationToken)
    {
        var sample = await ProcessRunner.RunAsync(command, cancellationToken);
        if (sample.ExitCode != 0) throw new BenchmarkFailure($"{name} exited with code {sample.ExitCode}: {command}\n{sample.ErrorTail}");
        await Console.Error.WriteLineAsync($"# {name}: {sample.Seconds:F2} s, {sample.PeakMB:F0} MB, CPU {sample.CpuSeconds:F2} s");
        var series = new Series(name, command);
        series.Samples.Add(sample);
        return series;
    }

    private static ChildCommand WithMemoryLimit(ChildCommand command, string memory, string tempParent)
        => memory == "default" ? command : command with { Arguments = [.. command.Arguments, "--memory-limit", memory, "--temp-dir", Path.Combine(tempParent, "duckdb-tmp")] };

    /// <summary>A cheap check at scale: each warm-up output has the rows it should (the row-by-row check is prepare-vs-duckdb's).</summary>
    private static async Task CheckCountsAsync(PrepareSpec spec, IReadOnlyDictionary<string, string> dirs, CancellationToken cancellationToken)
    {
        foreach (var (name, dir) in dirs)
            foreach (var (split, _, count) in spec.Splits)
            {
                var rows = await ParquetRowCount.OfAsync(Path.Combine(dir, split + ".parquet"), cancellationToken);
                if (rows != count) throw new BenchmarkFailure($"{name} wrote {rows:N0} rows to {split}.parquet; expected {count:N0}.");
            }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record ScaleRow(long Size, string Codec, string Name, Series Series);
}
