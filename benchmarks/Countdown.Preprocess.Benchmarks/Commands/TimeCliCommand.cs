using System.CommandLine;
using Countdown.Preprocess.Benchmarks.Harness;
using Countdown.Preprocess.Benchmarks.Jobs;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>Times any CLI command line (e.g. <c>solve</c>, <c>score</c>) and reports items per second; the base for those benchmarks.</summary>
internal sealed class TimeCliCommand : BenchmarkCommand
{
    /// <summary>Replaced in the CLI arguments by a fresh, empty folder for each run.</summary>
    public const string OutPlaceholder = "{out}";

    private readonly Option<int> _runs = HarnessOptions.Runs(5);
    private readonly Option<string> _cli = HarnessOptions.Cli();
    private readonly Option<string?> _workDir = HarnessOptions.WorkDir();
    private readonly Option<string?> _results = HarnessOptions.Results();
    private readonly Option<long?> _items = new("--items") { Description = "How many items (tasks, answers) one run handles, for an items/s column." };
    private readonly Option<FileInfo> _itemsFrom = new Option<FileInfo>("--items-from")
    {
        Description = "Count the items as the rows of this Parquet file (e.g. the input).",
    }.AcceptExistingOnly();
    private readonly Option<string> _label = new("--label") { Description = "The contender's name in the table.", DefaultValueFactory = _ => "ours" };
    private readonly Argument<string[]> _cliArgs = new("cli-args")
    {
        Description = $"The CLI's arguments, after `--`; '{OutPlaceholder}' becomes a fresh output folder per run.",
        Arity = ArgumentArity.OneOrMore,
    };

    public TimeCliCommand() : base("time-cli", "Time one CLI command line over several runs (medians, peak memory, items/s); e.g. `time-cli --items-from X -- solve --input X`.")
    {
        foreach (var option in new Option[] { _runs, _cli, _workDir, _results, _items, _itemsFrom, _label }) Options.Add(option);
        Arguments.Add(_cliArgs);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var cli = Path.GetFullPath(parseResult.GetRequiredValue(_cli));
        HarnessOptions.RequireCli(cli);
        var args = parseResult.GetRequiredValue(_cliArgs);
        var itemsFrom = parseResult.GetValue(_itemsFrom);
        var items = parseResult.GetValue(_items) ?? (itemsFrom is null ? null : await ParquetRowCount.OfAsync(itemsFrom.FullName, cancellationToken));

        var contender = new Contender(parseResult.GetRequiredValue(_label),
            dir => Launcher.Cli(cli, args.Select(a => a.Replace(OutPlaceholder, dir))), CreateOutDir: true);
        using var scratch = new ScratchDirectory(parseResult.GetValue(_workDir));
        var series = await Rounds.RunAsync([contender], parseResult.GetValue(_runs), scratch, Console.Error, null, cancellationToken);

        var report = new Report($"countdown-preprocess {args[0]}", CommandLine(parseResult));
        if (items is not null) report.Line($"Items per run: {items:N0}; items/s = items / median wall time (process start included).\n");
        report.Table(series, items);
        await report.EmitAsync(Console.Out, parseResult.GetValue(_results));
        return 0;
    }
}
