using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Countdown.Preprocess.Benchmarks.Harness;
using Countdown.Preprocess.Benchmarks.Jobs;
using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>Answers scored per second: the CLI's <c>score</c> as a child process on a generated JSON Lines file, and the library's loop in-process.</summary>
internal sealed class ScoreCommand : BenchmarkCommand
{
    private readonly Option<long> _rows = new("--rows") { Description = "Rows in the generated file.", DefaultValueFactory = _ => 1_000_000 };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the generated rows (same rows on every machine).", DefaultValueFactory = _ => 42 };
    private readonly Option<int> _runs = HarnessOptions.Runs(5);
    private readonly Option<string> _cli = HarnessOptions.Cli();
    private readonly Option<string?> _workDir = HarnessOptions.WorkDir();
    private readonly Option<string?> _results = HarnessOptions.Results();

    public ScoreCommand() : base("score", "Time `score` on a generated million-row JSON Lines file (CLI child process, and the library in-process); rows/s, peak memory.")
    {
        _rows.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long>() < 1) r.AddError($"--rows is '{r.GetValueOrDefault<long>()}'; give at least 1.");
        });
        foreach (var option in new Option[] { _rows, _seed, _runs, _cli, _workDir, _results }) Options.Add(option);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var cli = Path.GetFullPath(parseResult.GetRequiredValue(_cli));
        HarnessOptions.RequireCli(cli);
        var rows = parseResult.GetValue(_rows);
        var seed = parseResult.GetValue(_seed);
        var runs = parseResult.GetValue(_runs);

        using var scratch = new ScratchDirectory(parseResult.GetValue(_workDir));
        var input = Path.Combine(scratch.Path, "answers.jsonl");
        var clock = Stopwatch.StartNew();
        await SyntheticAnswers.WriteAsync(input, rows, seed, cancellationToken);
        var megabytes = new FileInfo(input).Length / 1e6;
        await Console.Error.WriteLineAsync($"# generated {rows:N0} rows, {megabytes:F0} MB, in {clock.Elapsed.TotalSeconds:F1} s: {input}");

        var contender = new Contender("CLI `score` (child process)",
            dir => Launcher.ToDevNull(Launcher.Cli(cli, ["score", "--input", input, "--summary-json", Path.Combine(dir, "summary.json")])), CreateOutDir: true);
        string? cliTotals = null;
        var series = (await Rounds.RunAsync([contender], runs, scratch, Console.Error,
            async dirs => cliTotals = (await File.ReadAllTextAsync(Path.Combine(dirs[contender.Name], "summary.json"), cancellationToken)).Trim(),
            cancellationToken)).ToList();

        var loaded = new List<ScoreRow>();
        await foreach (var row in ScoreRowReader.ReadAsync(input, cancellationToken: cancellationToken)) loaded.Add(row);
        ScoreSummary? reference = null;
        series.AddRange(await InProcessRounds.RunAsync(
            [
                ("library `ScoreFile.ScoreAsync` (read + score)", () => ScoreFile.ScoreAsync(input, ScoreOptions.Default, cancellationToken: cancellationToken)),
                ("library `RewardScorer.Score` (rows in memory)", () => Task.FromResult(ScoreInMemory(loaded))),
            ],
            runs, Console.Error, (name, summary) =>
            {
                reference ??= summary;
                if (summary != reference) throw new BenchmarkFailure($"{name} gave totals {summary}, another run {reference}.");
            }));
        CheckCliTotals(cliTotals, reference!);

        var report = new Report("score: answers scored per second", CommandLine(parseResult));
        report.Line($"Job: score {rows:N0} generated rows ({megabytes:F0} MB of JSON Lines, seed {seed}; see `Jobs/SyntheticAnswers.cs`), default options "
                    + "(response mode, strict). The CLI runs as `dotnet countdown-preprocess.dll score --input FILE > /dev/null`, a child process "
                    + "(process start, reading, scoring, writing a line per row); the library rows are in-process calls after one warm-up each, "
                    + "the second with the rows already read into memory. rows/s = rows / median wall time.");
        report.Line("");
        report.Table(series, rows, "rows/s");
        report.Line($"- Totals (CLI and library agree): {reference}.");
        report.Line("- Reasons (share of rows, mean µs per `RewardScorer.Score` call, one thread, after timing): "
                    + string.Join(", ", Reasons(loaded).Select(r => $"{r.Key.ToText()} {100.0 * r.Value.Rows / rows:F1}% ({r.Value.Microseconds:F1} µs)")) + ".");
        await report.EmitAsync(Console.Out, parseResult.GetValue(_results));
        return 0;
    }

    private static ScoreSummary ScoreInMemory(List<ScoreRow> rows)
    {
        var summary = new ScoreSummary.Builder();
        foreach (var row in rows) summary.Add(RewardScorer.Score(row.Output, row.Target, row.Numbers, ScoreOptions.Default));
        return summary.Build();
    }

    /// <summary>How many rows got each reason, and the mean time one <see cref="RewardScorer.Score"/> call took for them (one thread).</summary>
    private static SortedDictionary<ScoreReason, (long Rows, double Microseconds)> Reasons(List<ScoreRow> rows)
    {
        var counts = new SortedDictionary<ScoreReason, (long Rows, long Ticks)>();
        foreach (var row in rows)
        {
            var start = Stopwatch.GetTimestamp();
            var reason = RewardScorer.Score(row.Output, row.Target, row.Numbers, ScoreOptions.Default).Reason;
            var ticks = Stopwatch.GetTimestamp() - start;
            var (n, t) = counts.GetValueOrDefault(reason);
            counts[reason] = (n + 1, t + ticks);
        }
        return new(counts.ToDictionary(c => c.Key, c => (c.Value.Rows, c.Value.Ticks * 1e6 / Stopwatch.Frequency / c.Value.Rows)));
    }

    private static void CheckCliTotals(string? cliTotals, ScoreSummary library)
    {
        using var json = JsonDocument.Parse(cliTotals ?? "{}");
        var root = json.RootElement;
        var same = root.TryGetProperty("rows", out var rows) && rows.GetInt64() == library.Rows
                   && root.GetProperty("flagged").GetInt64() == library.Flagged
                   && root.GetProperty("mean_score").GetDouble() == library.MeanScore
                   && root.GetProperty("accuracy").GetDouble() == library.Accuracy
                   && root.GetProperty("formatted").GetDouble() == library.FormattedShare;
        if (!same)
            throw new BenchmarkFailure(string.Create(CultureInfo.InvariantCulture, $"The CLI's totals {cliTotals} differ from the library's {library}."));
    }
}
