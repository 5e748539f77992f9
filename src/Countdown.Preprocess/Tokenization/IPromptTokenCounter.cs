using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tokenization;

/// <summary>Counts the tokens of a prompt as the trainer will see it.</summary>
public interface IPromptTokenCounter
{
    /// <summary>Counts the tokens of <paramref name="prompt"/>; safe to call from several threads at once.</summary>
    int CountTokens(IReadOnlyList<ChatMessage> prompt);
}
