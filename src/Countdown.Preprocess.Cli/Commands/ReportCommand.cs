using System.CommandLine;
using System.Diagnostics;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Reporting;
using Serilog;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary><c>report</c>: writes one self-contained HTML page with charts about a raw task file, a prepared folder or a score output.</summary>
internal sealed class ReportCommand : CountdownCommand
{
    private readonly Argument<string> _input = new("path")
    {
        Description = "A raw task file (Parquet, JSON Lines, JSON or CSV), a folder prepare wrote (train*.parquet, test*.parquet), or the JSON lines score printed.",
    };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "The HTML file to write.",
        DefaultValueFactory = _ => "report.html",
    };

    private readonly Option<string?> _png = new("--png")
    {
        Description = "Also write each chart as a PNG into this folder.",
    };

    private readonly Option<bool> _noSolve = new("--no-solve")
    {
        Description = "Skip the exact solver (no solvability or difficulty section).",
    };

    private readonly Option<string> _inputFormat = LowerCaseEnumOption.Create("--input-format",
        "A raw task file's format; auto tells it from the extension.", TaskInputFormat.Auto);

    public ReportCommand(CliConsole console)
        : base("report", "Write one self-contained HTML page with charts: distributions, solvability, duplicates, overlap, rows as the model sees them, scores.", console)
    {
        Arguments.Add(_input);
        Options.Add(_output);
        Options.Add(_png);
        Options.Add(_noSolve);
        Options.Add(_inputFormat);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken)
    {
        var input = parseResult.GetRequiredValue(_input);
        var output = parseResult.GetRequiredValue(_output);
        var options = new ReportOptions
        {
            Solve = !parseResult.GetValue(_noSolve),
            InputFormat = LowerCaseEnumOption.Parse<TaskInputFormat>(parseResult.GetRequiredValue(_inputFormat)),
            ToolVersion = ToolVersion.Current,
        };
        var clock = Stopwatch.StartNew();
        var report = await ReportBuilder.BuildAsync(input, options, cancellationToken);
        log.Debug("Read {Rows} rows of {Input} in {Seconds:F2} s", report.Rows, input, clock.Elapsed.TotalSeconds);
        var written = await ReportFiles.WriteAsync(report, output, parseResult.GetValue(_png), cancellationToken);
        log.Information("Wrote the report of {Rows} rows to {Output} ({Files} files) in {Seconds:F2} s", report.Rows, output, written.Count, clock.Elapsed.TotalSeconds);
        return ExitCodes.Success;
    }
}
