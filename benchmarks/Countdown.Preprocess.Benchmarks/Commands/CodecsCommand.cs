using System.CommandLine;
using Countdown.Preprocess.Benchmarks.Harness;
using Countdown.Preprocess.Benchmarks.Jobs;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>Our default <c>prepare</c> job once per codec (<c>--compression X</c>): median time and output size each.</summary>
internal sealed class CodecsCommand : BenchmarkCommand
{
    private readonly Option<FileInfo> _input = HarnessOptions.Input();
    private readonly Option<int> _runs = HarnessOptions.Runs(3);
    private readonly Option<string> _cli = HarnessOptions.Cli();
    private readonly Option<string?> _workDir = HarnessOptions.WorkDir();
    private readonly Option<string?> _results = HarnessOptions.Results();
    private readonly Option<string[]> _codecs = new("--codecs")
    {
        Description = "The codecs to run, in order.",
        DefaultValueFactory = _ => [.. PrepareSpec.Codecs],
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<bool> _duckDb = new("--duckdb") { Description = "Also run DuckDB's SQL job with each codec, for reference." };
    private readonly Option<bool> _noVerify = new("--no-verify") { Description = "Skip checking the warm-up outputs against the raw rows and our template." };

    public CodecsCommand() : base("codecs", "Time `prepare --compression X` for snappy, zstd, gzip and none; report medians and file sizes.")
    {
        _codecs.AcceptOnlyFromAmong([.. PrepareSpec.Codecs]);
        foreach (var option in new Option[] { _input, _runs, _cli, _workDir, _results, _codecs, _duckDb, _noVerify }) Options.Add(option);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var input = parseResult.GetRequiredValue(_input).FullName;
        var cli = Path.GetFullPath(parseResult.GetRequiredValue(_cli));
        HarnessOptions.RequireCli(cli);

        var specs = parseResult.GetRequiredValue(_codecs).Select(codec => new PrepareSpec(input, Compression: codec)).ToArray();
        List<Contender> contenders = [];
        foreach (var spec in specs)
        {
            contenders.Add(new Contender($"ours {spec.Codec}", dir => OursPrepareJob.Command(cli, spec, dir)));
            if (parseResult.GetValue(_duckDb)) contenders.Add(new Contender($"DuckDB {spec.Codec}", dir => DuckDbPrepareJob.Command(spec, dir)));
        }

        using var scratch = new ScratchDirectory(parseResult.GetValue(_workDir));
        var series = await Rounds.RunAsync(contenders, parseResult.GetValue(_runs), scratch, Console.Error,
            parseResult.GetValue(_noVerify) ? null : dirs => VerifyAsync(specs[0], dirs, cancellationToken), cancellationToken);

        var report = new Report("prepare: compression codecs", CommandLine(parseResult));
        report.Line($"Job: the default `prepare` of `{Path.GetFileName(input)}` with `--compression X`; sizes are of the files each run wrote.");
        report.Line("");
        report.Table(series);
        await report.EmitAsync(Console.Out, parseResult.GetValue(_results));
        return 0;
    }

    private static async Task VerifyAsync(PrepareSpec spec, IReadOnlyDictionary<string, string> dirs, CancellationToken cancellationToken)
    {
        // Rows do not depend on the codec, so every output is checked against the same expectations.
        var problems = await OutputCheck.AgainstLibraryAsync(spec, dirs, cancellationToken);
        if (problems.Count > 0)
            throw new BenchmarkFailure("An output is wrong, so its timing would not count:\n  " + string.Join("\n  ", problems.Take(20)));
        await Console.Error.WriteLineAsync("# verified: every codec's rows match the raw input and the template");
    }
}
