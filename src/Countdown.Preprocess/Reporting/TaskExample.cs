using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Reporting;

/// <summary>A task shown as an example, with where it is.</summary>
/// <param name="Row">The 0-based row in its split.</param>
/// <param name="Task">The task.</param>
/// <param name="Note">What to say about it: a solution, the row it repeats, or why it is listed.</param>
public sealed record TaskExample(long Row, CountdownTask Task, string? Note = null);
