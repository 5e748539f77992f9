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
        var bytes = ReadBytes(tokenizerPath, "tokenizer");
        using var document = ParseDocument(bytes, tokenizerPath, "tokenizer");
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InputFileException($"Tokenizer file '{tokenizerPath}' holds no JSON object; it is not a Hugging Face {TokenizerFileName}.", tokenizerPath);
        var (chatTemplate, chatPath) = ReadChatTemplate(folder);
        var native = LoadNative(tokenizerPath, document.RootElement, bytes);
        var pieces = PieceCounter.TryCreate(document.RootElement, piece => native.Encode(piece).Length);
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
    private static Tokenizers.DotNet.Tokenizer LoadNative(string tokenizerPath, JsonElement root, byte[] bytes)
    {
        static bool IsSet(JsonElement root, string key) => root.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null;
        // TemplateProcessing, BertProcessing, RobertaProcessing or a Sequence add BOS/CLS/SEP, which add_special_tokens=False leaves out.
        var addsTokens = root.TryGetProperty("post_processor", out var post) && post.ValueKind == JsonValueKind.Object
                         && !(post.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "ByteLevel");
        string? temporary = null;
        var loadPath = tokenizerPath;
        if (addsTokens || IsSet(root, "truncation") || IsSet(root, "padding"))
        {
            var node = JsonNode.Parse(bytes)!.AsObject();
            node["truncation"] = null;
            node["padding"] = null;
            if (addsTokens) node["post_processor"] = null;
            temporary = Path.Combine(Path.GetTempPath(), $"countdown-tokenizer-{Guid.NewGuid():N}.json");
            File.WriteAllText(temporary, node.ToJsonString());
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
        using var document = ParseDocument(ReadBytes(path, what), path, what);
        return JsonNode.Parse(document.RootElement.GetRawText());
    }

    private static JsonDocument ParseDocument(byte[] bytes, string path, string what)
    {
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException error)
        {
            throw new InputFileException($"The {what} file '{path}' is not valid JSON (line {error.LineNumber + 1}); download it again.", path, error);
        }
    }

    private static byte[] ReadBytes(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"The {what} file '{path}' cannot be read ({error.Message.TrimEnd('.')}); check its permissions.", path, error);
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
