using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Reporting;

/// <summary>What a report's input path is, and the files it stands for.</summary>
/// <param name="Kind">What the input is.</param>
/// <param name="Train">The train files of a prepared folder (shards in name order), else empty.</param>
/// <param name="Test">The test files of a prepared folder, else empty.</param>
/// <param name="File">The file itself, for a raw task file or a score output.</param>
public sealed record ReportInput(ReportInputKind Kind, IReadOnlyList<string> Train, IReadOnlyList<string> Test, string? File)
{
    /// <summary>Tells what <paramref name="path"/> is: a folder of prepared files, a <c>score</c> output (JSON lines with
    /// <c>reason</c> and <c>flagged</c>), answers to score (a <c>response</c> or <c>solution_str</c> field), or else a raw task file.</summary>
    /// <exception cref="InputFileException">The path does not exist, is standard input, or is a folder without prepared files.</exception>
    public static async Task<ReportInput> ResolveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-")
            throw new InputFileException("A report cannot read standard input, as it hashes its input; save it to a file and pass the path.", path);
        if (Directory.Exists(path))
        {
            var train = Shards(path, "train");
            var test = Shards(path, "test");
            if (train.Length + test.Length == 0)
                throw new InputFileException($"Folder '{path}' holds no train*.parquet or test*.parquet; give a folder that prepare wrote, or a raw task file.", path);
            return new ReportInput(ReportInputKind.Prepared, train, test, null);
        }

        if (!System.IO.File.Exists(path))
            throw new InputFileException($"'{path}' does not exist; give a raw task file, a prepared folder or a score output.", path);
        var kind = ScoreOutputReader.LooksLikeScoreOutput(path) ? ReportInputKind.ScoreOutput
            : await AnswersReader.LooksLikeAnswersAsync(path, cancellationToken) ? ReportInputKind.Answers
            : ReportInputKind.RawTasks;
        return new ReportInput(kind, [], [], path);
    }

    private static string[] Shards(string folder, string split)
        => Directory.GetFiles(folder, split + "*.parquet", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray();
}
