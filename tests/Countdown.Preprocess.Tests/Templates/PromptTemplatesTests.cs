using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tests.Templates;

public sealed class PromptTemplatesTests
{
    private static readonly CountdownTask Example = new(28, [95, 11, 56]);

    [Fact]
    public void Render_Base_MatchesTinyZeroByteForByte()
    {
        const string expected = "A conversation between User and Assistant. The user asks a question, and the Assistant solves it. The assistant first thinks about the reasoning process in the mind and then provides the user with the answer.\nUser: Using the numbers [95, 11, 56], create an equation that equals 28. You can use basic arithmetic operations (+, -, *, /) and each number can only be used once. Show your work in <think> </think> tags. And return the final answer in <answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.\nAssistant: Let me solve this step by step.\n<think>";

        var messages = PromptTemplates.Base.Render(Example);

        var message = Assert.Single(messages);
        Assert.Equal("user", message.Role);
        Assert.Equal(expected, message.Content);
    }

    [Fact]
    public void Render_QwenInstruct_MatchesTinyZeroByteForByte()
    {
        const string expected = "<|im_start|>system\nYou are a helpful assistant. You first thinks about the reasoning process in the mind and then provides the user with the answer.<|im_end|>\n<|im_start|>user\n Using the numbers [95, 11, 56], create an equation that equals 28. You can use basic arithmetic operations (+, -, *, /) and each number can only be used once. Show your work in <think> </think> tags. And return the final answer in <answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.<|im_end|>\n<|im_start|>assistant\nLet me solve this step by step.\n<think>";

        var message = Assert.Single(PromptTemplates.QwenInstruct.Render(Example));

        Assert.Equal("user", message.Role);
        Assert.Equal(expected, message.Content);
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 3, 4 }, "[1, 2, 3, 4]")]
    [InlineData(new long[] { 7 }, "[7]")]
    [InlineData(new long[] { }, "[]")]
    [InlineData(new long[] { 0, 9223372036854775807 }, "[0, 9223372036854775807]")]
    public void List_Values_PrintedAsPython(long[] values, string expected)
        => Assert.Equal(expected, PythonFormat.List(values));

    [Fact]
    public void Get_UnknownName_ThrowsListingChoices()
    {
        var error = Assert.Throws<UsageException>(() => PromptTemplates.Get("qwen"));

        Assert.Equal("Unknown template 'qwen'; choose one of: base, qwen-instruct, chat.", error.Message);
    }
}
