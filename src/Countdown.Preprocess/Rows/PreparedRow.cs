using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Rows;

/// <summary>One output row as veRL reads it: the raw task, its prompt, and the rule-style ground truth.</summary>
/// <param name="Task">The raw task; gives <c>target</c>, <c>nums</c> and <c>reward_model.ground_truth</c>.</param>
/// <param name="Prompt">The rendered prompt messages.</param>
/// <param name="Split"><c>train</c> or <c>test</c>.</param>
/// <param name="Index">The 0-based position within the split.</param>
/// <param name="Solution">A reference solution for <c>extra_info.solution</c>, when asked for.</param>
public sealed record PreparedRow(CountdownTask Task, IReadOnlyList<ChatMessage> Prompt, string Split, long Index, string? Solution = null)
{
    /// <summary>The constant <c>data_source</c> value.</summary>
    public const string DataSource = "countdown";

    /// <summary>The constant <c>ability</c> value.</summary>
    public const string Ability = "math";

    /// <summary>The constant <c>reward_model.style</c> value.</summary>
    public const string RewardStyle = "rule";
}
