namespace Countdown.Preprocess.Inspection;

/// <summary>The file formats <c>inspect</c> reads.</summary>
public enum TableFormat
{
    /// <summary>Apache Parquet, any schema.</summary>
    Parquet,

    /// <summary>JSON Lines: one JSON object per line.</summary>
    JsonLines,

    /// <summary>A JSON array of objects.</summary>
    Json,

    /// <summary>Comma-separated values with a header row.</summary>
    Csv,

    /// <summary>Tab-separated values with a header row.</summary>
    Tsv,
}
