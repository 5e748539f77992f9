namespace Countdown.Preprocess.Scoring;

/// <summary>The layout of a file of rows to score.</summary>
public enum ScoreInputFormat
{
    /// <summary>Chosen by the file's extension, else by its first bytes.</summary>
    Auto,

    /// <summary>JSON Lines: one object per line.</summary>
    JsonLines,

    /// <summary>One JSON array of objects.</summary>
    Json,

    /// <summary>CSV with a header row.</summary>
    Csv,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}
