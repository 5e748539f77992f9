namespace Countdown.Preprocess.Preparing;

/// <summary>A summary file <see cref="PrepareJob"/> writes together with the outputs, so it appears only if they do.</summary>
/// <param name="Path">Where the summary goes.</param>
/// <param name="Render">Renders the summary text from the finished run, before anything is moved into place.</param>
public sealed record PrepareSummaryFile(string Path, Func<PrepareResult, string> Render);
