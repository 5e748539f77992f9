using System.CommandLine;
using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Validation;
using Serilog;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary><c>inspect FILE</c>: the schema, row count and a few rows of any Parquet, JSONL, JSON or CSV file.</summary>
internal sealed class InspectCommand : CountdownCommand
{
    private readonly Argument<string> _file = new("file")
    {
        Description = "The file to show: Parquet (any schema), JSON Lines, a JSON array of objects, or CSV with a header; or a folder prepare wrote (each split file, shards included).",
    };

    private readonly Option<string> _inputFormat = LowerCaseEnumOption.Create("--input-format",
        "The file's format; auto tells it from the extension, else from the first bytes.", TaskInputFormat.Auto);

    private readonly Option<int> _rows = new("--rows")
    {
        Description = "How many rows to show.",
        DefaultValueFactory = _ => 3,
    };

    private readonly Option<long> _offset = new("--offset")
    {
        Description = "The 0-based row to start from.",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print only the rows, one JSON object per line, values as pandas shows them; the summary goes to the log.",
    };

    public InspectCommand(CliConsole console)
        : base("inspect", "Show the schema, row count and first rows of a Parquet, JSON Lines, JSON or CSV file.", console)
    {
        Arguments.Add(_file);
        Options.Add(_inputFormat);
        Options.Add(_rows);
        Options.Add(_offset);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken)
    {
        var path = parseResult.GetValue(_file)!;
        var rows = parseResult.GetValue(_rows);
        var offset = parseResult.GetValue(_offset);
        var json = parseResult.GetValue(_json);
        if (rows < 0) throw new UsageException($"--rows '{rows}' is negative; give 0 or more rows to show.");
        if (offset < 0) throw new UsageException($"--offset '{offset}' is negative; rows are numbered from 0.");

        TableFormat? format = LowerCaseEnumOption.Parse<TaskInputFormat>(parseResult.GetRequiredValue(_inputFormat)) switch
        {
            TaskInputFormat.Parquet => TableFormat.Parquet,
            TaskInputFormat.Jsonl => TableFormat.JsonLines,
            TaskInputFormat.Json => TableFormat.Json,
            TaskInputFormat.Csv => TableFormat.Csv,
            _ => null,
        };
        // A folder prepare wrote (one file or a set of shards a split): each split file in turn, train first.
        var files = Directory.Exists(path) ? PreparedFileValidator.ExpandPaths([path]) : [path];
        for (var i = 0; i < files.Count; i++)
        {
            if (i > 0 && !json) Console.Out.WriteLine();
            await InspectAsync(files[i], format, rows, offset, json, log, cancellationToken);
        }
        return ExitCodes.Success;
    }

    private async Task InspectAsync(string path, TableFormat? format, int rows, long offset, bool json, ILogger log, CancellationToken cancellationToken)
    {
        await using var file = await TableFile.OpenAsync(path, format, cancellationToken);
        var description = await file.DescribeAsync(cancellationToken);
        var output = Console.Out;
        if (json)
        {
            log.Information("{Path}: {Format}, {RowCount} rows, columns {Columns}", path, description.Format, description.RowCount,
                string.Join(", ", description.Fields));
        }
        else
        {
            InspectionTextWriter.WriteDescription(output, description);
        }

        if (offset >= description.RowCount && rows > 0 && description.RowCount > 0)
            log.Warning("--offset {Offset} is past the last row ({Last}); no rows to show", offset, description.RowCount - 1);
        var rowNumber = offset;
        await foreach (var row in file.ReadRowsAsync(offset, rows, cancellationToken))
        {
            if (json)
            {
                await output.WriteLineAsync(RowJson.Format(row));
            }
            else
            {
                output.WriteLine();
                InspectionTextWriter.WriteRow(output, rowNumber, row);
            }
            rowNumber++;
        }
        await output.FlushAsync(cancellationToken);
    }
}
