using System.Text.Json;
using System.Text.Json.Nodes;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tokenization;

public sealed partial class HuggingFaceTokenizer
{
    /// <summary>The tokenizer file of a model folder.</summary>
    public const string TokenizerFileName = "tokenizer.json";

    /// <summary>The file holding the <c>chat_template</c> of a model folder.</summary>
    public const string ConfigFileName = "tokenizer_config.json";

    /// <summary>The file newer transformers versions save the chat template to; it takes precedence over <see cref="ConfigFileName"/>.</summary>
    public const string ChatTemplateFileName = "chat_template.jinja";

    /// <summary>Loads a tokenizer from a model folder (<c>tokenizer.json</c> and <c>tokenizer_config.json</c>) or a <c>tokenizer.json</c> file.</summary>
    /// <exception cref="InputFileException">The path is missing, or a file in it cannot be read or parsed.</exception>
    /// <exception cref="UsageException">The native tokenizers library cannot be loaded on this platform.</exception>
    public static HuggingFaceTokenizer Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string tokenizerPath;
        if (Directory.Exists(path))
        {
            tokenizerPath = Path.Combine(path, TokenizerFileName);
            if (!File.Exists(tokenizerPath))
                throw new InputFileException($"Tokenizer folder '{path}' holds no {TokenizerFileName}; pass a model folder as downloaded from the Hugging Face Hub, or the {TokenizerFileName} file itself.", path);
        }
        else if (File.Exists(path))
        {
            tokenizerPath = path;
        }
        else
        {
            throw new InputFileException($"Tokenizer '{path}' does not exist; pass a model folder holding {TokenizerFileName} and {ConfigFileName}, or a {TokenizerFileName} file.", path);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(tokenizerPath))!;
        var root = ReadJson(tokenizerPath, "tokenizer") as JsonObject
                   ?? throw new InputFileException($"Tokenizer file '{tokenizerPath}' holds no JSON object; it is not a Hugging Face {TokenizerFileName}.", tokenizerPath);
        var (chatTemplate, chatPath) = ReadChatTemplate(folder);
        var native = LoadNative(tokenizerPath, root);
        var pieces = PieceCounter.TryCreate(root, piece => native.Encode(piece).Length);
        return new HuggingFaceTokenizer(native, pieces, Path.GetFullPath(tokenizerPath), chatTemplate, chatPath);
    }

    private static (string? Template, string? Path) ReadChatTemplate(string folder)
    {
        var jinja = Path.Combine(folder, ChatTemplateFileName);
        if (File.Exists(jinja)) return (ReadText(jinja, "chat template"), jinja);
        var config = Path.Combine(folder, ConfigFileName);
        if (!File.Exists(config)) return (null, null);
        var node = ReadJson(config, "tokenizer config");
        var value = node is JsonObject o ? o["chat_template"] : null;
        return value switch
        {
            JsonValue v when v.TryGetValue<string>(out var text) => (text, config),
            // A list of named templates: transformers uses the one named "default".
            JsonArray list => (list.OfType<JsonObject>().FirstOrDefault(t => (string?)t["name"] == "default")?["template"]?.GetValue<string>(), config),
            _ => (null, config),
        };
    }

    /// <summary>Loads the Rust tokenizer, first removing what transformers' default call does not apply.</summary>
    private static Tokenizers.DotNet.Tokenizer LoadNative(string tokenizerPath, JsonObject root)
    {
        var changed = false;
        foreach (var key in new[] { "truncation", "padding" })
        {
            if (root[key] is null) continue;
            root[key] = null;
            changed = true;
        }
        if (root["post_processor"] is JsonObject post && (string?)post["type"] != "ByteLevel")
        {
            // TemplateProcessing, BertProcessing, RobertaProcessing or a Sequence: they add BOS/CLS/SEP, which add_special_tokens=False leaves out.
            root["post_processor"] = null;
            changed = true;
        }
        string? temporary = null;
        var loadPath = tokenizerPath;
        if (changed)
        {
            temporary = Path.Combine(Path.GetTempPath(), $"countdown-tokenizer-{Guid.NewGuid():N}.json");
            File.WriteAllText(temporary, root.ToJsonString());
            loadPath = temporary;
        }
        try
        {
            return new Tokenizers.DotNet.Tokenizer(loadPath);
        }
        catch (Tokenizers.DotNet.TokenizerException error)
        {
            throw new InputFileException($"Tokenizer file '{tokenizerPath}' cannot be loaded by the Hugging Face tokenizers library ({error.Message.TrimEnd('.')}); check that it is a {TokenizerFileName} from the Hub.", tokenizerPath, error);
        }
        catch (Exception error) when (error is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or TypeInitializationException)
        {
            throw new UsageException($"The Hugging Face tokenizers native library could not be loaded ({error.Message.TrimEnd('.')}); --tokenizer needs Linux on x64.", error);
        }
        finally
        {
            if (temporary is not null) File.Delete(temporary);
        }
    }

    private static JsonNode? ReadJson(string path, string what)
    {
        var text = ReadText(path, what);
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException error)
        {
            throw new InputFileException($"The {what} file '{path}' is not valid JSON (line {error.LineNumber + 1}); download it again.", path, error);
        }
    }

    private static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"The {what} file '{path}' cannot be read ({error.Message.TrimEnd('.')}); check its permissions.", path, error);
        }
    }
}
