using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Tests.Tokenization;

public sealed class ChatTemplateTests
{
    private static readonly ChatMessage[] UserHi = [new("user", "hi")];

    [Fact]
    public void Render_Qwen25InstructWithoutSystem_AddsQwenDefaultSystem()
    {
        var text = ChatTemplate.Of(ChatTemplateFamily.Qwen25Instruct).Render(UserHi);

        Assert.Equal("<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n"
                     + "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", text);
    }

    [Theory]
    [InlineData(ChatTemplateFamily.Qwen2)]
    [InlineData(ChatTemplateFamily.Qwen25Base)]
    public void Render_HelpfulAssistantDefault_AddsIt(ChatTemplateFamily family)
    {
        var text = ChatTemplate.Of(family).Render(UserHi);

        Assert.Equal("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", text);
    }

    [Fact]
    public void Render_Qwen3WithoutSystem_AddsNothing()
    {
        var text = ChatTemplate.Of(ChatTemplateFamily.Qwen3).Render(UserHi);

        Assert.Equal("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", text);
    }

    [Theory]
    [InlineData(ChatTemplateFamily.Qwen2)]
    [InlineData(ChatTemplateFamily.Qwen25Instruct)]
    [InlineData(ChatTemplateFamily.Qwen25Base)]
    [InlineData(ChatTemplateFamily.Qwen3)]
    public void Render_OwnSystem_KeepsItAndAddsNoDefault(ChatTemplateFamily family)
    {
        var text = ChatTemplate.Of(family).Render([new("system", "hi"), new("user", "hi")]);

        Assert.Equal("<|im_start|>system\nhi<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", text);
    }

    [Fact]
    public void Render_Qwen3AssistantAfterLastQuery_KeepsReasoning()
    {
        var text = ChatTemplate.Of(ChatTemplateFamily.Qwen3).Render(
            [new("user", "q1"), new("assistant", "<think>\nr1\n</think>\n\na1"), new("user", "q2"), new("assistant", "<think>r2</think>a2")]);

        Assert.Equal("<|im_start|>user\nq1<|im_end|>\n<|im_start|>assistant\na1<|im_end|>\n<|im_start|>user\nq2<|im_end|>\n"
                     + "<|im_start|>assistant\n<think>\nr2\n</think>\n\na2<|im_end|>\n<|im_start|>assistant\n", text);
    }

    [Theory]
    [InlineData(KnownChatTemplates.Qwen2, ChatTemplateFamily.Qwen2)]
    [InlineData(KnownChatTemplates.Qwen25Instruct, ChatTemplateFamily.Qwen25Instruct)]
    [InlineData(KnownChatTemplates.Qwen25Base, ChatTemplateFamily.Qwen25Base)]
    [InlineData(KnownChatTemplates.Qwen3, ChatTemplateFamily.Qwen3)]
    public void TryRecognise_KnownTemplateWithTrailingNewline_Recognised(string template, ChatTemplateFamily family)
        => Assert.Equal(family, ChatTemplate.TryRecognise(template + "\n")?.Family);

    [Theory]
    [InlineData("{{ messages[0].content }}")]
    [InlineData("")]
    public void TryRecognise_OtherTemplate_Null(string template) => Assert.Null(ChatTemplate.TryRecognise(template));

    [Fact]
    public void TryRecognise_QwenTemplateWithOneCharacterChanged_Null()
        => Assert.Null(ChatTemplate.TryRecognise(KnownChatTemplates.Qwen25Instruct.Replace("Alibaba Cloud", "Alibaba cloud", StringComparison.Ordinal)));

    [Theory]
    [InlineData(ChatTemplateFamily.Qwen25Instruct, 98)] // 33 - "hi" (2) + the default system message (67)
    [InlineData(ChatTemplateFamily.Qwen2, 58)] // 33 - 2 + "You are a helpful assistant." (27)
    [InlineData(ChatTemplateFamily.Qwen3, 21)] // no system turn: <|im_start|> user \n hi <|im_end|> \n <|im_start|> assistant \n
    public void CountTokens_UserOnlyPrompt_MatchesHandCount(ChatTemplateFamily family, int expected)
    {
        using var dir = new TempDirectory();
        var template = family switch
        {
            ChatTemplateFamily.Qwen2 => KnownChatTemplates.Qwen2,
            ChatTemplateFamily.Qwen3 => KnownChatTemplates.Qwen3,
            _ => KnownChatTemplates.Qwen25Instruct,
        };
        using var tokenizer = HuggingFaceTokenizer.Load(TinyTokenizerFiles.WriteFolder(dir, template));
        var counter = PromptTokenCounter.For(tokenizer, chatStyle: true);

        Assert.Equal(expected, counter.CountTokens(UserHi));
        // With its own system message "hi": 15 tokens of turns, 2 of each "hi", 16 of markup and "assistant".
        Assert.Equal(33, counter.CountTokens([new ChatMessage("system", "hi"), .. UserHi]));
    }

    [Fact]
    public void Render_ToolRole_Refused()
        => Assert.Throws<Countdown.Preprocess.Tasks.UsageException>(() => ChatTemplate.Of(ChatTemplateFamily.Qwen3).Render([new("tool", "x")]));
}
