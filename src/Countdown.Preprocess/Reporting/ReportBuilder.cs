using System.Security.Cryptography;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Reporting;

/// <summary>Reads a raw task file, a prepared folder or a <c>score</c> output and computes what its report shows.</summary>
public static partial class ReportBuilder
{
    /// <summary>Builds the report of <paramref name="path"/>, streaming each file once (plus once to hash it).</summary>
    /// <exception cref="InputFileException">The input is missing, unreadable or not of its format.</exception>
    /// <exception cref="TaskDataException">A record is malformed.</exception>
    /// <exception cref="UsageException">The format of a raw file cannot be told from its extension.</exception>
    public static async Task<DatasetReport> BuildAsync(string path, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ReportOptions();
        var input = await ReportInput.ResolveAsync(path, cancellationToken);
        var report = input.Kind switch
        {
            ReportInputKind.Prepared => await BuildPreparedAsync(path, input, options, cancellationToken),
            ReportInputKind.ScoreOutput or ReportInputKind.Answers => await BuildScoreAsync(path, input, options, cancellationToken),
            _ => await BuildRawAsync(path, input.File!, options, cancellationToken),
        };
        return report with { TokenLengths = report.TokenLengths ?? options.TokenLengths, TokenizerName = options.TokenizerName };
    }

    private static async Task<DatasetReport> BuildScoreAsync(string title, ReportInput input, ReportOptions options, CancellationToken cancellationToken)
    {
        var file = input.File!;
        var score = input.Kind == ReportInputKind.Answers
            ? await AnswersReader.ReadAsync(file, options.Examples, cancellationToken)
            : await ScoreOutputReader.ReadAsync(file, options.Examples, cancellationToken);
        return new DatasetReport(title, input.Kind, options.ToolVersion, [await DescribeFileAsync(file, null, cancellationToken)], [])
        {
            Score = score,
        };
    }

    private static async Task<DatasetReport> BuildRawAsync(string title, string file, ReportOptions options, CancellationToken cancellationToken)
    {
        var builder = new SplitProfileBuilder("tasks", options.Solve, options.Examples);
        var lengths = options.CountPromptTokens is { } count ? new PromptLengthCounter(options.Template, count) : null;
        var samples = new List<SampleRow>();
        var pending = Task.CompletedTask;
        await foreach (var batch in TaskReader.ReadBatchesAsync(file, options.InputFormat, cancellationToken))
        {
            for (var i = 0; i < batch.Count && samples.Count < options.SampleRows; i++)
                samples.Add(new SampleRow("tasks", samples.Count, options.Template.Render(batch[i]), batch[i].Target, batch[i].Nums));
            // The reader decodes the next batch while this one is counted and solved.
            await pending;
            pending = Task.Run(() =>
            {
                builder.AddBatch(batch, cancellationToken);
                lengths?.Add(batch);
            }, cancellationToken);
        }

        await pending;
        var profile = builder.Build();
        return new DatasetReport(title, ReportInputKind.RawTasks, options.ToolVersion, [await DescribeFileAsync(file, null, cancellationToken)], [profile])
        {
            Templates = [KeyValuePair.Create(options.Template.Name + " (as prepare would render it)", profile.Statistics.Records)],
            SampleRows = samples,
            TokenLengths = lengths?.Lengths,
        };
    }

    /// <summary>The file's size and SHA-256.</summary>
    internal static async Task<InputFileInfo> DescribeFileAsync(string path, string? split, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            var hash = await SHA256.HashDataAsync(stream, cancellationToken);
            return new InputFileInfo(path, stream.Length, Convert.ToHexStringLower(hash), split);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"'{path}' cannot be read ({error.Message.TrimEnd('.')}); check the path and its permissions.", path, error);
        }
    }
}
