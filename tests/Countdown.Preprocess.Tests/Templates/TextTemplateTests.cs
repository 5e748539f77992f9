using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tests.Templates;

public sealed class TextTemplateTests
{
    [Fact]
    public void Render_RepeatedAndAdjacentPlaceholders_FillsEach()
    {
        var template = new TextTemplate("t", isChatStyle: true,
        [
            new ChatMessage("system", "no holes here"),
            new ChatMessage("user", "{target}{numbers} = {target}? {numbers}"),
        ]);

        var messages = template.Render(new CountdownTask(-5, [3, -9223372036854775808]));

        Assert.Equal(2, messages.Count);
        Assert.Equal(new ChatMessage("system", "no holes here"), messages[0]);
        Assert.Equal(new ChatMessage("user", "-5[3, -9223372036854775808] = -5? [3, -9223372036854775808]"), messages[1]);
    }

    [Fact]
    public void Render_ManyNumbers_MatchesPythonList()
    {
        var nums = Enumerable.Range(0, 300).Select(i => (long)i * 1_000_000_007L - 5).ToArray();
        var template = new TextTemplate("t", isChatStyle: false, [new ChatMessage("user", "n={numbers} t={target}")]);

        var message = Assert.Single(template.Render(new CountdownTask(long.MaxValue, nums)));

        Assert.Equal($"n=[{string.Join(", ", nums)}] t=9223372036854775807", message.Content);
    }

    [Fact]
    public void Render_EmptyNumbers_PrintsEmptyList()
    {
        var message = Assert.Single(PromptTemplates.Chat.Render(new CountdownTask(0, [])).Skip(1));

        Assert.StartsWith("Using the numbers [], create an equation that equals 0.", message.Content);
    }
}
