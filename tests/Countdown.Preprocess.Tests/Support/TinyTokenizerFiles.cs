using System.Text.Json.Nodes;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>A tiny byte-level BPE tokenizer in the Hugging Face format, Qwen-style (its pre-tokenizer regex, ChatML special tokens), small enough to count by hand.</summary>
/// <remarks>
/// Vocabulary: the 256 byte symbols of GPT-2's byte-to-unicode map (ids 0-255) and four merges, in rank order:
/// <c>h e</c>, <c>l l</c>, <c>he ll</c>, <c>Ġ w</c> (Ġ is the space byte). So "hello" is 2 tokens (hell, o), " world" 5
/// (Ġw, o, r, l, d), and any other word one token per byte. Special tokens: <c>&lt;|endoftext|&gt;</c>,
/// <c>&lt;|im_start|&gt;</c>, <c>&lt;|im_end|&gt;</c>.
/// </remarks>
internal static class TinyTokenizerFiles
{
    /// <summary>Qwen2/2.5/3's pre-tokenizer regex, as in their tokenizer.json.</summary>
    public const string QwenPattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    public static readonly string[] Merges = ["h e", "l l", "he ll", "Ġ w"];

    public static readonly string[] SpecialTokens = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];

    /// <summary>The tokenizer.json text; <paramref name="postProcessor"/> replaces the ByteLevel one (e.g. a BOS-adding TemplateProcessing).</summary>
    public static string TokenizerJson(JsonObject? postProcessor = null, bool withTruncation = false)
    {
        var symbols = ByteSymbols();
        var vocab = new JsonObject();
        for (var b = 0; b < 256; b++) vocab[symbols[b].ToString()] = b;
        var id = 256;
        foreach (var merge in Merges) vocab[merge.Replace(" ", "", StringComparison.Ordinal)] = id++;
        var added = new JsonArray();
        foreach (var special in SpecialTokens)
            added.Add(new JsonObject
            {
                ["id"] = id++, ["content"] = special, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = false,
                ["normalized"] = false, ["special"] = true,
            });
        var byteLevel = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = false };
        var root = new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = withTruncation ? new JsonObject { ["direction"] = "Right", ["max_length"] = 4, ["strategy"] = "LongestFirst", ["stride"] = 0 } : null,
            ["padding"] = null,
            ["added_tokens"] = added,
            ["normalizer"] = new JsonObject { ["type"] = "NFC" },
            ["pre_tokenizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["pretokenizers"] = new JsonArray(
                    new JsonObject { ["type"] = "Split", ["pattern"] = new JsonObject { ["Regex"] = QwenPattern }, ["behavior"] = "Isolated", ["invert"] = false },
                    byteLevel.DeepClone()),
            },
            ["post_processor"] = postProcessor ?? byteLevel.DeepClone(),
            ["decoder"] = byteLevel.DeepClone(),
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["continuing_subword_prefix"] = "", ["end_of_word_suffix"] = "",
                ["fuse_unk"] = false, ["byte_fallback"] = false, ["ignore_merges"] = false,
                ["vocab"] = vocab, ["merges"] = new JsonArray(Merges.Select(m => (JsonNode)m).ToArray()),
            },
        };
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>A tokenizer_config.json holding <paramref name="chatTemplate"/> (or none).</summary>
    public static string ConfigJson(string? chatTemplate)
    {
        var config = new JsonObject
        {
            ["add_prefix_space"] = false, ["bos_token"] = null, ["eos_token"] = "<|im_end|>", ["pad_token"] = "<|endoftext|>",
            ["model_max_length"] = 32768, ["tokenizer_class"] = "Qwen2Tokenizer", ["split_special_tokens"] = false,
        };
        if (chatTemplate is not null) config["chat_template"] = chatTemplate;
        return config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Writes a model folder (tokenizer.json, and tokenizer_config.json when <paramref name="chatTemplate"/> is given) and returns its path.</summary>
    public static string WriteFolder(TempDirectory dir, string? chatTemplate, string name = "model", JsonObject? postProcessor = null)
    {
        var folder = Directory.CreateDirectory(dir.File(name)).FullName;
        File.WriteAllText(Path.Combine(folder, "tokenizer.json"), TokenizerJson(postProcessor));
        if (chatTemplate is not null) File.WriteAllText(Path.Combine(folder, "tokenizer_config.json"), ConfigJson(chatTemplate));
        return folder;
    }

    /// <summary>GPT-2's <c>bytes_to_unicode</c>: printable bytes map to themselves, the others to U+0100 onwards.</summary>
    private static char[] ByteSymbols()
    {
        var symbols = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
            symbols[b] = b is >= 33 and <= 126 or >= 161 and <= 172 or >= 174 and <= 255 ? (char)b : (char)next++;
        return symbols;
    }
}
