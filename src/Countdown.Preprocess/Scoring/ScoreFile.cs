namespace Countdown.Preprocess.Scoring;

/// <summary>Scores every row of a file: what the <c>score</c> command and the benchmark run.</summary>
public static class ScoreFile
{
    /// <summary>Reads <paramref name="path"/>, rates each row's output with <paramref name="options"/>, hands each result to
    /// <paramref name="onRow"/> in input order (when given), and returns the totals.</summary>
    /// <exception cref="Tasks.InputFileException">The file is missing, unreadable or not of its format.</exception>
    /// <exception cref="Tasks.TaskDataException">A row lacks a field or holds a value of the wrong type.</exception>
    public static async Task<ScoreSummary> ScoreAsync(string path, ScoreOptions options, Action<ScoreRow, ScoreResult>? onRow = null,
        ScoreInputFormat format = ScoreInputFormat.Auto, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var summary = new ScoreSummary.Builder();
        await foreach (var row in ScoreRowReader.ReadAsync(path, format, cancellationToken))
        {
            var result = RewardScorer.Score(row.Output, row.Target, row.Numbers, options);
            summary.Add(result);
            onRow?.Invoke(row, result);
        }
        return summary.Build();
    }
}
