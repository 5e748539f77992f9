namespace Countdown.Preprocess.Scoring;

/// <summary>Totals over the rows scored.</summary>
/// <param name="Rows">How many rows were scored.</param>
/// <param name="MeanScore">The mean score (0 without rows).</param>
/// <param name="Accuracy">The share of correct answers.</param>
/// <param name="FormattedShare">The share of outputs holding an answer.</param>
/// <param name="Flagged">How many answers were flagged.</param>
public sealed record ScoreSummary(long Rows, double MeanScore, double Accuracy, double FormattedShare, long Flagged)
{
    /// <summary>Accumulates results into a summary.</summary>
    public sealed class Builder
    {
        private long _rows;
        private long _scoreTenths; // scores are 0, 0.1 or 1: summing tenths keeps the mean free of rounding drift
        private long _correct;
        private long _formatted;
        private long _flagged;

        /// <summary>Adds one result.</summary>
        public void Add(in ScoreResult result)
        {
            _rows++;
            _scoreTenths += (long)Math.Round(result.Score * 10);
            if (result.IsCorrect) _correct++;
            if (result.IsFormatted) _formatted++;
            if (result.IsFlagged) _flagged++;
        }

        /// <summary>The summary of the results added so far.</summary>
        public ScoreSummary Build() => _rows == 0
            ? new ScoreSummary(0, 0, 0, 0, 0)
            : new ScoreSummary(_rows, _scoreTenths / (10.0 * _rows), (double)_correct / _rows, (double)_formatted / _rows, _flagged);
    }
}
