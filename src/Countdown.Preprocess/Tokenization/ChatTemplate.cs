using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tokenization;

/// <summary>A model's chat template, recognised as one of the Qwen ChatML family and rendered in C# exactly as transformers renders it.</summary>
/// <remarks>
/// Only the arguments veRL passes are supported: the prompt's messages and <c>add_generation_prompt=True</c>; no tools,
/// no <c>enable_thinking</c> (veRL's <c>data.apply_chat_template_kwargs</c> is empty by default).
/// </remarks>
public sealed partial class ChatTemplate
{
    /// <summary>What the refusal of an unknown template says is supported.</summary>
    public const string SupportedFamily = "the ChatML family of Qwen2, Qwen2.5 and Qwen3 (their tokenizer_config.json chat_template, unchanged)";

    private static readonly (string Text, ChatTemplateFamily Family)[] Known =
    [
        (KnownChatTemplates.Qwen2, ChatTemplateFamily.Qwen2),
        (KnownChatTemplates.Qwen25Instruct, ChatTemplateFamily.Qwen25Instruct),
        (KnownChatTemplates.Qwen25Base, ChatTemplateFamily.Qwen25Base),
        (KnownChatTemplates.Qwen3, ChatTemplateFamily.Qwen3),
    ];

    private ChatTemplate(ChatTemplateFamily family) => Family = family;

    /// <summary>The family the template belongs to.</summary>
    public ChatTemplateFamily Family { get; }

    /// <summary>The family's name as people write it: Qwen2, Qwen2.5-Instruct, Qwen2.5 (base) or Qwen3.</summary>
    public string DisplayName => Family switch
    {
        ChatTemplateFamily.Qwen2 => "Qwen2",
        ChatTemplateFamily.Qwen25Instruct => "Qwen2.5-Instruct",
        ChatTemplateFamily.Qwen25Base => "Qwen2.5 (base)",
        _ => "Qwen3",
    };

    /// <summary>The system message the template adds when a prompt has none, or <see langword="null"/> when it adds none.</summary>
    public string? DefaultSystemMessage => Family switch
    {
        ChatTemplateFamily.Qwen2 or ChatTemplateFamily.Qwen25Base => "You are a helpful assistant.",
        ChatTemplateFamily.Qwen25Instruct => "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.",
        _ => null,
    };

    /// <summary>Recognises <paramref name="template"/> (a <c>chat_template</c> string); returns <see langword="null"/> when it is not one this class renders exactly.</summary>
    public static ChatTemplate? TryRecognise(string? template)
    {
        if (template is null) return null;
        var normalised = template.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        foreach (var (text, family) in Known)
            if (string.Equals(normalised, text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal))
                return new ChatTemplate(family);
        return null;
    }

    /// <summary>Gets the template of a family.</summary>
    public static ChatTemplate Of(ChatTemplateFamily family) => new(family);

    /// <summary>Renders <paramref name="messages"/> as <c>apply_chat_template(messages, tokenize=False, add_generation_prompt=...)</c> does.</summary>
    /// <exception cref="UsageException">A message has a role other than system, user or assistant.</exception>
    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0) throw new UsageException("A prompt has no messages; a chat template needs at least one.");
        foreach (var message in messages)
            if (message.Role is not ("system" or "user" or "assistant"))
                throw new UsageException($"A prompt message has the role '{message.Role}'; only system, user and assistant messages can be rendered with the chat template.");
        var text = new System.Text.StringBuilder(256);
        switch (Family)
        {
            case ChatTemplateFamily.Qwen2: RenderQwen2(text, messages); break;
            case ChatTemplateFamily.Qwen3: RenderQwen3(text, messages); break;
            default: RenderQwen25(text, messages, DefaultSystemMessage!); break;
        }
        if (addGenerationPrompt) text.Append("<|im_start|>assistant\n");
        return text.ToString();
    }
}
