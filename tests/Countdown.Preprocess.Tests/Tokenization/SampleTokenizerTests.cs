using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Tests.Tokenization;

/// <summary>The tiny tokenizer shipped in samples/tokenizer-tiny/ (used by docs/tokens.md) is the test fixture, byte for byte.</summary>
public sealed class SampleTokenizerTests
{
    [Fact]
    public void SampleTokenizer_EqualsFixtureBuilder()
    {
        var folder = RepositoryFiles.Path("samples", "tokenizer-tiny");
        var expected = new Dictionary<string, string>
        {
            ["tokenizer.json"] = TinyTokenizerFiles.TokenizerJson() + "\n",
            ["tokenizer_config.json"] = TinyTokenizerFiles.ConfigJson(KnownChatTemplates.Qwen25Instruct) + "\n",
        };
        if (Environment.GetEnvironmentVariable("COUNTDOWN_WRITE_SAMPLES") == "1")
        {
            Directory.CreateDirectory(folder);
            foreach (var (name, text) in expected) File.WriteAllText(Path.Combine(folder, name), text);
        }

        foreach (var (name, text) in expected)
            Assert.Equal(text, File.ReadAllText(Path.Combine(folder, name)));
        using var tokenizer = HuggingFaceTokenizer.Load(folder);
        Assert.Equal(ChatTemplateFamily.Qwen25Instruct, tokenizer.ChatTemplate?.Family);
    }
}
