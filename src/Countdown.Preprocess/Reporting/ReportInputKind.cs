namespace Countdown.Preprocess.Reporting;

/// <summary>What a report was made from.</summary>
public enum ReportInputKind
{
    /// <summary>A raw task file (Parquet, JSON Lines, JSON or CSV) with <c>target</c> and <c>nums</c>.</summary>
    RawTasks,

    /// <summary>A folder of prepared files (<c>train*.parquet</c>, <c>test*.parquet</c>) as <c>prepare</c> writes them.</summary>
    Prepared,

    /// <summary>The JSON lines the <c>score</c> command prints, one per rated answer.</summary>
    ScoreOutput,

    /// <summary>Model answers the <c>score</c> command reads (a task and a <c>response</c> or <c>solution_str</c> per row), rated here with its default rules.</summary>
    Answers,
}
