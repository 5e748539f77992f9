using System.CommandLine;
using Countdown.Preprocess.Benchmarks.Harness;
using Countdown.Preprocess.Benchmarks.Jobs;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>
/// The other commands of the point 5 as child processes: <c>validate</c> of the default outputs, <c>stats</c>
/// of the raw input and <c>generate</c> of a million tasks; optionally against an older build in the same rounds.
/// </summary>
internal sealed class CommandsCommand : BenchmarkCommand
{
    private readonly Option<FileInfo> _input = HarnessOptions.Input();
    private readonly Option<int> _runs = HarnessOptions.Runs(5);
    private readonly Option<string> _cli = HarnessOptions.Cli();
    private readonly Option<string?> _baseline = new("--baseline-cli") { Description = "An older build of the CLI to run in the same rounds (alternating), e.g. one built from the commit before a change." };
    private readonly Option<long> _generateCount = new("--generate-count") { Description = "Tasks for the generate job.", DefaultValueFactory = _ => 1_000_000 };
    private readonly Option<string?> _workDir = HarnessOptions.WorkDir();
    private readonly Option<string?> _results = HarnessOptions.Results();

    public CommandsCommand()
        : base("commands", "Time validate (default outputs), stats (the raw input) and generate (1M tasks) as child processes: medians, rows/s, peak memory; optionally against a baseline build.")
    {
        foreach (var option in new Option[] { _input, _runs, _cli, _baseline, _generateCount, _workDir, _results }) Options.Add(option);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var cli = Path.GetFullPath(parseResult.GetRequiredValue(_cli));
        HarnessOptions.RequireCli(cli);
        var baseline = parseResult.GetValue(_baseline) is { } b ? Path.GetFullPath(b) : null;
        if (baseline is not null) HarnessOptions.RequireCli(baseline);
        var input = parseResult.GetRequiredValue(_input).FullName;
        var count = parseResult.GetValue(_generateCount);
        var runs = parseResult.GetValue(_runs);

        using var scratch = new ScratchDirectory(parseResult.GetValue(_workDir));
        var prepared = Path.Combine(scratch.Path, "prepared");
        var spec = new PrepareSpec(input);
        var setup = await ProcessRunner.RunAsync(OursPrepareJob.Command(cli, spec, prepared), cancellationToken);
        if (setup.ExitCode != 0) throw new BenchmarkFailure($"prepare of the validate input failed:\n{setup.ErrorTail}");
        var inputRows = await ParquetRowCount.OfAsync(input, cancellationToken);

        var jobs = new (string Name, long Items, Func<string, string, ChildCommand> Command)[]
        {
            ("validate (default outputs)", spec.TrainSize + spec.TestSize, (c, _) => Launcher.Cli(c, ["validate", "-q", prepared])),
            ("stats (raw input)", inputRows, (c, _) => Launcher.Cli(c, ["stats", "-q", input])),
            ($"generate {count:N0}", count, (c, dir) => Launcher.Cli(c, ["generate", "-q", "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--output", Path.Combine(dir, "tasks.parquet")])),
        };

        var report = new Report("validate, stats and generate", CommandLine(parseResult));
        report.Line($"Each run is a child process (`dotnet countdown-preprocess.dll ...`, process start included). validate checks the "
                    + $"{spec.TrainSize:N0} + {spec.TestSize:N0} rows `prepare` writes from `{Path.GetFileName(input)}`; stats reads its {inputRows:N0} raw tasks; "
                    + $"generate writes {count:N0} tasks as Parquet. items/s = items / median wall.");
        report.Line($"Current: `{cli}`." + (baseline is null ? "" : $" Baseline: `{baseline}`; the two alternate within each round."));
        report.Line("");
        foreach (var (name, items, command) in jobs)
        {
            List<Contender> contenders = [new($"{name}: current", dir => command(cli, dir), CreateOutDir: true)];
            if (baseline is not null) contenders.Add(new($"{name}: baseline", dir => command(baseline, dir), CreateOutDir: true));
            var series = await Rounds.RunAsync(contenders, runs, scratch, Console.Error, null, cancellationToken);
            report.Line($"### {name}");
            report.Line("");
            report.Table(series, items, "items/s");
            if (series is [var now, var before])
                report.Line($"- Baseline / current wall (medians): x{before.Wall!.Value.Median / now.Wall!.Value.Median:F2}; CPU x{before.CpuSeconds?.Median / now.CpuSeconds?.Median:F2}.\n");
        }
        await report.EmitAsync(Console.Out, parseResult.GetValue(_results));
        return 0;
    }
}
