namespace Countdown.Preprocess.Reporting;

/// <summary>Test rows whose task (target and numbers in any order) is also in train.</summary>
/// <param name="TestRows">How many test rows there are.</param>
/// <param name="OverlappingRows">How many of them repeat a train task.</param>
/// <param name="Examples">The first overlapping test rows; each note names the train row.</param>
public sealed record OverlapSummary(long TestRows, long OverlappingRows, IReadOnlyList<TaskExample> Examples);
