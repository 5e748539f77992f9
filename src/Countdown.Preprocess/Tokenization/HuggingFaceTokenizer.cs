using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tokenization;

/// <summary>A model's tokenizer, run by the Hugging Face tokenizers library itself (its Rust core, through Tokenizers.DotNet), with the model's chat template.</summary>
/// <remarks>
/// Counts equal <c>len(tokenizer(text, add_special_tokens=False)["input_ids"])</c> in transformers: the library splits
/// special tokens such as <c>&lt;|im_start|&gt;</c> out of the text as single tokens, and a post-processor that would add
/// tokens (BOS, CLS/SEP), a truncation or a padding set in <c>tokenizer.json</c> is removed before loading, as
/// transformers' default call applies none of them.
/// </remarks>
public sealed partial class HuggingFaceTokenizer : IDisposable
{
    private readonly Tokenizers.DotNet.Tokenizer _native;
    private readonly PieceCounter? _pieces;

    private HuggingFaceTokenizer(Tokenizers.DotNet.Tokenizer native, PieceCounter? pieces, string tokenizerPath, string? chatTemplateText, string? chatTemplatePath)
    {
        _native = native;
        _pieces = pieces;
        TokenizerPath = tokenizerPath;
        ChatTemplateText = chatTemplateText;
        ChatTemplatePath = chatTemplatePath;
        ChatTemplate = ChatTemplate.TryRecognise(chatTemplateText);
    }

    /// <summary>The <c>tokenizer.json</c> loaded.</summary>
    public string TokenizerPath { get; }

    /// <summary>The model's <c>chat_template</c>, or <see langword="null"/> when it has none.</summary>
    public string? ChatTemplateText { get; }

    /// <summary>The file the chat template came from (<c>tokenizer_config.json</c> or <c>chat_template.jinja</c>), when there is one.</summary>
    public string? ChatTemplatePath { get; }

    /// <summary>The chat template, when it is one of the family rendered exactly; otherwise <see langword="null"/>.</summary>
    public ChatTemplate? ChatTemplate { get; }

    /// <summary>Whether counts use the cached per-piece path (exact for this tokenizer's kind of pipeline) rather than encoding every text whole.</summary>
    public bool HasPieceCache => _pieces is not null;

    /// <summary>Counts the tokens of <paramref name="text"/>, special tokens recognised, none added; safe from several threads.</summary>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _pieces is not null && _pieces.TryCount(text, out var count) ? count : Encode(text).Length;
    }

    /// <summary>Encodes <paramref name="text"/> whole with the Rust library (no cache): the token ids.</summary>
    public uint[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _native.Encode(text);
    }

    /// <summary>Gets the chat template, or explains why chat-style prompts cannot be counted with this tokenizer.</summary>
    /// <exception cref="UsageException">The model has no chat template, or one outside the supported family.</exception>
    public ChatTemplate RequireChatTemplate()
    {
        if (ChatTemplate is not null) return ChatTemplate;
        if (ChatTemplateText is null)
            throw new UsageException($"The tokenizer at '{TokenizerPath}' has no chat_template (no tokenizer_config.json beside it, or none in it), so chat-style prompts cannot be measured; pass the model folder, or use --template base.");
        throw new UsageException($"The chat template in '{ChatTemplatePath}' is not one this tool renders exactly; it supports {ChatTemplate.SupportedFamily}. Use --template base or qwen-instruct, whose prompts need no chat template.");
    }

    /// <inheritdoc/>
    public void Dispose() => _native.Dispose();
}
