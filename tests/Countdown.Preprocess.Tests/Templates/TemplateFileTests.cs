using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Templates;

public sealed class TemplateFileTests
{
    private const string Fix = "; write a JSON list like [{\"role\": \"user\", \"content\": \"Using the numbers {numbers}, reach {target}.\"}].";

    [Fact]
    public async Task LoadAsync_ChatMessages_RendersLikeBuiltInTemplates()
    {
        using var folder = new TempDirectory();
        var path = folder.File("mine.json");
        await File.WriteAllTextAsync(path, """
            [
              // comments and trailing commas are allowed
              {"role": "system", "content": "Answer as JSON: {\"answer\": ...}"},
              {"role": "user", "content": "Using the numbers {numbers}, reach {target}. Again: {target}"},
            ]
            """);

        var template = await TemplateFile.LoadAsync(path, CancellationToken.None);

        Assert.Equal("mine.json", template.Name);
        Assert.True(template.IsChatStyle);
        Assert.Equal(
        [
            new ChatMessage("system", "Answer as JSON: {\"answer\": ...}"),
            new ChatMessage("user", "Using the numbers [95, 11, 56], reach 28. Again: 28"),
        ], template.Render(new CountdownTask(28, [95, 11, 56])));
        Assert.Empty(TemplateFile.Warnings(template));
    }

    [Fact]
    public void Parse_InlineChatMarkup_IsNotChatStyle()
    {
        var template = TemplateFile.Parse("""[{"role": "user", "content": "<|im_start|>user\n{numbers} {target}<|im_end|>"}]""", "qwen.json");

        Assert.False(template.IsChatStyle);
    }

    [Theory]
    [InlineData("", "Template file 't.json' is empty" + Fix)]
    [InlineData("[{\"role\": \"user\",", "Template file 't.json' is not valid JSON (line 1, byte 17)" + Fix)]
    [InlineData("{\"role\": \"user\", \"content\": \"x\"}", "Template file 't.json' holds an object, not a list of messages" + Fix)]
    [InlineData("[]", "Template file 't.json' holds an empty list; it needs at least one message" + Fix)]
    [InlineData("[\"hello\"]", "In template file 't.json', message 1 is a string, not an object with \"role\" and \"content\"" + Fix)]
    [InlineData("[{\"content\": \"{numbers}\"}]", "In template file 't.json', message 1 has no \"role\"" + Fix)]
    [InlineData("[{\"role\": \"user\"}]", "In template file 't.json', message 1 has no \"content\"" + Fix)]
    [InlineData("[{\"role\": \"user\", \"content\": [\"a\"]}]", "In template file 't.json', message 1 has a list as \"content\", not a string" + Fix)]
    [InlineData("[{\"role\": \"user\", \"content\": \"x\"}, {\"role\": \"tool\", \"content\": \"x\"}]", "In template file 't.json', message 2 has the unknown role 'tool'; use one of: system, user, assistant.")]
    [InlineData("[{\"role\": \"user\", \"content\": \"{numbers} to {goal}\"}]", "In template file 't.json', message 1 uses the unknown placeholder '{goal}'; only {numbers} and {target} are filled in.")]
    [InlineData("[{\"role\": \"user\", \"content\": \"x\", \"name\": \"bob\"}]", "In template file 't.json', message 1 has an unknown key 'name'; only \"role\" and \"content\" are allowed.")]
    public void Parse_BadTemplate_ThrowsNamingTheProblem(string json, string expected)
    {
        var error = Assert.Throws<InputFileException>(() => TemplateFile.Parse(json, "t.json"));

        Assert.Equal(expected, error.Message);
        Assert.Equal("t.json", error.SourcePath);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_ThrowsInputFileException()
    {
        var error = await Assert.ThrowsAsync<InputFileException>(() => TemplateFile.LoadAsync("no/such/template.json", CancellationToken.None));

        Assert.Equal("Template file 'no/such/template.json' does not exist; check the --template-file path.", error.Message);
    }

    [Theory]
    [InlineData("Solve it.", "Template 't.json' uses neither {numbers} nor {target}, so every row gets the same prompt; add them where the task belongs.")]
    [InlineData("Reach {target}.", "Template 't.json' never uses {numbers}, so prompts do not say which numbers to use; add it.")]
    [InlineData("Use {numbers}.", "Template 't.json' never uses {target}, so prompts do not say what to reach; add it.")]
    public void Warnings_MissingPlaceholders_Explained(string content, string expected)
    {
        var template = TemplateFile.Parse($$"""[{"role": "user", "content": "{{content}}"}]""", "t.json");

        Assert.Equal([expected], TemplateFile.Warnings(template));
    }
}
