using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Reporting;

/// <summary>A row as the model sees it: its prompt messages and the ground truth the reward checks.</summary>
/// <param name="Split">The split the row is in.</param>
/// <param name="Row">The 0-based row in its split.</param>
/// <param name="Prompt">The prompt messages.</param>
/// <param name="Target">The ground-truth target.</param>
/// <param name="Numbers">The ground-truth numbers.</param>
public sealed record SampleRow(string Split, long Row, IReadOnlyList<ChatMessage> Prompt, long Target, IReadOnlyList<long> Numbers);
