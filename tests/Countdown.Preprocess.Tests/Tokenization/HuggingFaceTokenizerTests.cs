using System.Text.Json.Nodes;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Tests.Tokenization;

public sealed class HuggingFaceTokenizerTests
{
    [Theory]
    [InlineData("hello world", 7)] // hell|o + Ġw|o|r|l|d
    [InlineData("hello", 2)]
    [InlineData("<|im_start|>user\nhi<|im_end|>\n", 10)] // special tokens are single tokens: 1 + user 4 + \n 1 + hi 2 + 1 + \n 1
    [InlineData("[12, 3]", 7)] // digits one by one, punctuation and the space on their own
    [InlineData("", 0)]
    public void CountTokens_HandWorkedText_MatchesHandCount(string text, int expected)
    {
        using var dir = new TempDirectory();
        using var tokenizer = HuggingFaceTokenizer.Load(TinyTokenizerFiles.WriteFolder(dir, chatTemplate: null));

        Assert.True(tokenizer.HasPieceCache);
        Assert.Equal(expected, tokenizer.CountTokens(text));
        Assert.Equal(expected, tokenizer.Encode(text).Length);
    }

    [Fact]
    public void CountTokens_ManyPrompts_EqualsWholeEncoding()
    {
        using var dir = new TempDirectory();
        using var tokenizer = HuggingFaceTokenizer.Load(TinyTokenizerFiles.WriteFolder(dir, KnownChatTemplates.Qwen25Instruct));
        var random = new Random(7);

        for (var i = 0; i < 300; i++)
        {
            var task = new CountdownTask(random.Next(1, 1000), Enumerable.Range(0, random.Next(2, 6)).Select(_ => (long)random.Next(0, 200)).ToArray());
            foreach (var template in PromptTemplates.All)
            {
                var prompt = template.Render(task);
                var text = template.IsChatStyle ? tokenizer.ChatTemplate!.Render(prompt) : prompt[0].Content;
                Assert.Equal(tokenizer.Encode(text).Length, tokenizer.CountTokens(text));
            }
        }
    }

    [Fact]
    public void CountTokens_RandomTextsSharingPrefixesAndTails_EqualsWholeEncoding()
    {
        using var dir = new TempDirectory();
        using var tokenizer = HuggingFaceTokenizer.Load(TinyTokenizerFiles.WriteFolder(dir, chatTemplate: null));
        string[] atoms = ["a", "hello", " ", "  ", "\n", "\n\n", " \n", "\t", "1", "23", "'s", "'LL", "(", ").", " [", ",", "<|im_end|>", "world", "-", "x y"];
        var random = new Random(11);
        string Piece(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => atoms[random.Next(atoms.Length)]));
        var heads = Enumerable.Range(0, 8).Select(_ => Piece(12)).ToArray();
        var tails = Enumerable.Range(0, 8).Select(_ => Piece(12)).ToArray();

        for (var i = 0; i < 3000; i++)
        {
            // Shared heads and tails around a varying middle, as prompts of one template are, so both memories are used.
            var text = heads[random.Next(heads.Length)] + random.Next(0, 1000) + Piece(random.Next(0, 4)) + random.Next(0, 10) + tails[random.Next(tails.Length)];
            Assert.Equal(tokenizer.Encode(text).Length, tokenizer.CountTokens(text));
        }
    }

    [Theory]
    [InlineData("héllo wörld")]
    [InlineData("  \n\n  x  \t'S'LL hello<|im_end|><|im_start|>")]
    public void CountTokens_UnusualText_EqualsWholeEncoding(string text)
    {
        using var dir = new TempDirectory();
        using var tokenizer = HuggingFaceTokenizer.Load(TinyTokenizerFiles.WriteFolder(dir, chatTemplate: null));

        Assert.Equal(tokenizer.Encode(text).Length, tokenizer.CountTokens(text));
    }

    [Fact]
    public void CountTokens_PostProcessorAddsBos_NotCounted()
    {
        using var dir = new TempDirectory();
        var bos = JsonNode.Parse("""
            {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<|endoftext|>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
             "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}],
             "special_tokens": {"<|endoftext|>": {"id": "<|endoftext|>", "ids": [260], "tokens": ["<|endoftext|>"]}}}
            """)!.AsObject();
        using var tokenizer = HuggingFaceTokenizer.Load(TinyTokenizerFiles.WriteFolder(dir, chatTemplate: null, postProcessor: bos));

        Assert.Equal(7, tokenizer.CountTokens("hello world"));
        Assert.Equal(7, tokenizer.Encode("hello world").Length);
    }

    [Fact]
    public void Load_TokenizerJsonFile_FindsConfigBesideIt()
    {
        using var dir = new TempDirectory();
        var folder = TinyTokenizerFiles.WriteFolder(dir, KnownChatTemplates.Qwen3);

        using var tokenizer = HuggingFaceTokenizer.Load(Path.Combine(folder, "tokenizer.json"));

        Assert.Equal(ChatTemplateFamily.Qwen3, tokenizer.ChatTemplate?.Family);
    }

    [Fact]
    public void Load_ChatTemplateJinjaFile_TakesPrecedence()
    {
        using var dir = new TempDirectory();
        var folder = TinyTokenizerFiles.WriteFolder(dir, KnownChatTemplates.Qwen3);
        File.WriteAllText(Path.Combine(folder, "chat_template.jinja"), KnownChatTemplates.Qwen2 + "\n");

        using var tokenizer = HuggingFaceTokenizer.Load(folder);

        Assert.Equal(ChatTemplateFamily.Qwen2, tokenizer.ChatTemplate?.Family);
    }

    [Fact]
    public void Load_MissingPath_ThrowsInputFileException()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<InputFileException>(() => HuggingFaceTokenizer.Load(dir.File("nowhere")));

        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Load_FolderWithoutTokenizerJson_ThrowsNamingIt()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<InputFileException>(() => HuggingFaceTokenizer.Load(dir.Path));

        Assert.Contains("holds no tokenizer.json", error.Message);
    }

    [Theory]
    [InlineData("{\"model\": ")]
    [InlineData("{\"model\": {\"type\": \"Nonsense\"}}")]
    [InlineData("[1, 2]")]
    public void Load_CorruptTokenizerJson_ThrowsInputFileException(string json)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("tokenizer.json"), json);

        Assert.Throws<InputFileException>(() => HuggingFaceTokenizer.Load(dir.File("tokenizer.json")));
    }

    [Fact]
    public void Load_TruncationInFile_IsNotApplied()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("tokenizer.json"), TinyTokenizerFiles.TokenizerJson(withTruncation: true));

        using var tokenizer = HuggingFaceTokenizer.Load(dir.File("tokenizer.json"));

        Assert.Equal(7, tokenizer.Encode("hello world").Length);
    }

    [Fact]
    public void RequireChatTemplate_UnknownTemplate_RefusesNamingTheFamily()
    {
        using var dir = new TempDirectory();
        var folder = TinyTokenizerFiles.WriteFolder(dir, "{% for m in messages %}{{ m.content }}{% endfor %}");
        using var tokenizer = HuggingFaceTokenizer.Load(folder);

        var error = Assert.Throws<UsageException>(() => PromptTokenCounter.For(tokenizer, PromptTemplates.Chat));

        Assert.Contains("not one this tool renders exactly", error.Message);
        Assert.Contains("Qwen2, Qwen2.5 and Qwen3", error.Message);
        Assert.Null(tokenizer.ChatTemplate);
    }

    [Fact]
    public void RequireChatTemplate_NoConfig_RefusesChatButCountsText()
    {
        using var dir = new TempDirectory();
        using var tokenizer = HuggingFaceTokenizer.Load(TinyTokenizerFiles.WriteFolder(dir, chatTemplate: null));

        Assert.Throws<UsageException>(() => PromptTokenCounter.For(tokenizer, PromptTemplates.Chat));
        Assert.Equal(7, PromptTokenCounter.For(tokenizer, PromptTemplates.Base).CountTokens([new ChatMessage("user", "hello world")]));
    }
}
