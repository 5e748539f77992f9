using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tokenization;

/// <summary>Counts prompt tokens exactly as veRL (chat-style prompts) or TinyZero's veRL fork (pre-rendered prompts) does.</summary>
/// <remarks>
/// Chat-style prompts: <c>len(tokenizer.apply_chat_template(prompt, add_generation_prompt=True))</c>, as veRL's
/// <c>verl/utils/dataset/rl_dataset.py</c> (<c>maybe_filter_out_long_prompts</c>) measures them. Pre-rendered prompts
/// (<c>base</c>, <c>qwen-instruct</c>): <c>len(tokenizer(prompt[0]['content'], add_special_tokens=False))</c>, as TinyZero's
/// <c>verl/utils/dataset/rl_dataset.py</c> and <c>verl_F.tokenize_and_postprocess_data</c> do.
/// </remarks>
public sealed class PromptTokenCounter : IPromptTokenCounter
{
    private readonly HuggingFaceTokenizer _tokenizer;
    private readonly ChatTemplate? _chat;

    private PromptTokenCounter(HuggingFaceTokenizer tokenizer, ChatTemplate? chat)
    {
        _tokenizer = tokenizer;
        _chat = chat;
    }

    /// <summary>Whether prompts are counted through the chat template (otherwise the first message's content is counted as it is).</summary>
    public bool UsesChatTemplate => _chat is not null;

    /// <summary>Creates the counter for prompts made by <paramref name="template"/>.</summary>
    /// <exception cref="UsageException">The prompts are chat-style and the tokenizer's chat template is missing or not one rendered exactly.</exception>
    public static PromptTokenCounter For(HuggingFaceTokenizer tokenizer, PromptTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return For(tokenizer, template.IsChatStyle);
    }

    /// <summary>Creates the counter for chat-style (<paramref name="chatStyle"/>) or pre-rendered prompts.</summary>
    /// <exception cref="UsageException">The prompts are chat-style and the tokenizer's chat template is missing or not one rendered exactly.</exception>
    public static PromptTokenCounter For(HuggingFaceTokenizer tokenizer, bool chatStyle)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        return new PromptTokenCounter(tokenizer, chatStyle ? tokenizer.RequireChatTemplate() : null);
    }

    /// <inheritdoc/>
    public int CountTokens(IReadOnlyList<ChatMessage> prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (_chat is not null) return _tokenizer.CountTokens(_chat.Render(prompt));
        if (prompt.Count == 0) throw new UsageException("A prompt has no messages, so it has no text to count.");
        return _tokenizer.CountTokens(prompt[0].Content);
    }
}
