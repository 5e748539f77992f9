using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Validation;

internal sealed partial class PreparedFileCheck
{
    private PromptTokenLimit? _promptLimit;
    private bool _chatProblemReported;

    /// <summary>Fails a prompt longer than the limit, measured as the trainer will: chat-style prompts through the chat template, others as text.</summary>
    private void CheckPromptTokens(long r, IReadOnlyList<ChatMessage> messages, TextTemplate template)
    {
        if (_promptLimit is not { } limit) return;
        var counter = template.IsChatStyle ? limit.Chat : limit.Text;
        if (counter is null)
        {
            if (!_chatProblemReported) Log.Add(ViolationKind.PromptLength, r, "prompt", limit.ChatProblem ?? "Chat-style prompts cannot be measured with this tokenizer.");
            _chatProblemReported = true;
            return;
        }
        var tokens = counter.CountTokens(messages);
        if (tokens > limit.MaxTokens)
            Log.Add(ViolationKind.PromptLength, r, "prompt", () => $"Row {r} has a prompt of {tokens} tokens, more than the {limit.MaxTokens} allowed; prepare with --tokenizer and --max-prompt-length {limit.MaxTokens} to drop such rows.");
    }
}
