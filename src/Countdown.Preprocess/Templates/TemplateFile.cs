using System.Text.Json;
using System.Text.RegularExpressions;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Templates;

/// <summary>Loads a user's prompt template: a JSON list of <c>{"role", "content"}</c> messages using <c>{numbers}</c> and <c>{target}</c>.</summary>
/// <remarks>
/// <c>{numbers}</c> is replaced by the task's numbers as Python prints a list (<c>[95, 11, 56]</c>) and <c>{target}</c> by
/// its target. Any other <c>{identifier}</c> is refused as a likely typo; other braces (JSON examples) are kept as text.
/// </remarks>
public static partial class TemplateFile
{
    /// <summary>The roles a message may have.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["system", "user", "assistant"];

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads and checks the template file; the template is named after the file and is chat-style unless it holds <c>&lt;|im_start|&gt;</c> markup.</summary>
    /// <exception cref="InputFileException">The file is missing, unreadable, or not a valid template; the message names the problem.</exception>
    public static async Task<TextTemplate> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputFileException($"Template file '{path}' does not exist; check the --template-file path.", path, error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"Template file '{path}' cannot be read ({error.Message.TrimEnd('.')}); check its permissions.", path, error);
        }
        return Parse(text, path);
    }

    /// <summary>Checks template text as <see cref="LoadAsync"/> does; <paramref name="path"/> names it in messages and gives its name.</summary>
    /// <exception cref="InputFileException">The text is not a valid template.</exception>
    public static TextTemplate Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(json)) throw Bad(path, "is empty");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException error)
        {
            throw Bad(path, $"is not valid JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1})", error);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
                throw Bad(path, $"holds {Describe(root.ValueKind)}, not a list of messages");
            if (root.GetArrayLength() == 0)
                throw Bad(path, "holds an empty list; it needs at least one message");
            var messages = root.EnumerateArray().Select((element, i) => Message(element, i + 1, path)).ToArray();
            var isChatStyle = !messages.Any(m => m.Content.Contains("<|im_start|>", StringComparison.Ordinal));
            return new TextTemplate(Path.GetFileName(path), isChatStyle, messages);
        }
    }

    /// <summary>The soft problems of a template, one sentence each: a template that uses neither placeholder gives every row the same prompt.</summary>
    public static IReadOnlyList<string> Warnings(TextTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var text = string.Concat(template.Messages.Select(m => m.Content));
        var hasNumbers = text.Contains("{numbers}", StringComparison.Ordinal);
        var hasTarget = text.Contains("{target}", StringComparison.Ordinal);
        if (!hasNumbers && !hasTarget)
            return [$"Template '{template.Name}' uses neither {{numbers}} nor {{target}}, so every row gets the same prompt; add them where the task belongs."];
        if (!hasNumbers) return [$"Template '{template.Name}' never uses {{numbers}}, so prompts do not say which numbers to use; add it."];
        if (!hasTarget) return [$"Template '{template.Name}' never uses {{target}}, so prompts do not say what to reach; add it."];
        return [];
    }

    private static ChatMessage Message(JsonElement element, int number, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Bad(path, $"message {number} is {Describe(element.ValueKind)}, not an object with \"role\" and \"content\"", where: "");
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is not ("role" or "content"))
                throw Bad(path, $"message {number} has an unknown key '{property.Name}'; only \"role\" and \"content\" are allowed", where: "", hint: false);
        }
        var role = StringField(element, "role", number, path);
        var content = StringField(element, "content", number, path);
        if (!Roles.Contains(role))
            throw Bad(path, $"message {number} has the unknown role '{role}'; use one of: {string.Join(", ", Roles)}", where: "", hint: false);
        if (PlaceholderPattern().Matches(content).FirstOrDefault(m => m.Value is not ("{numbers}" or "{target}")) is { } unknown)
            throw Bad(path, $"message {number} uses the unknown placeholder '{unknown.Value}'; only {{numbers}} and {{target}} are filled in", where: "", hint: false);
        return new ChatMessage(role, content);
    }

    private static string StringField(JsonElement message, string name, int number, string path)
    {
        if (!message.TryGetProperty(name, out var value))
            throw Bad(path, $"message {number} has no \"{name}\"", where: "");
        if (value.ValueKind != JsonValueKind.String)
            throw Bad(path, $"message {number} has {Describe(value.ValueKind)} as \"{name}\", not a string", where: "");
        return value.GetString()!;
    }

    private static InputFileException Bad(string path, string problem, Exception? inner = null, string? where = null, bool hint = true)
    {
        var subject = where is null ? $"Template file '{path}' {problem}" : $"In template file '{path}', {problem}";
        var fix = hint ? "; write a JSON list like [{\"role\": \"user\", \"content\": \"Using the numbers {numbers}, reach {target}.\"}]" : "";
        return new InputFileException($"{subject}{fix}.", path, inner);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_]*\}")]
    private static partial Regex PlaceholderPattern();
}
