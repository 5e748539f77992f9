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

    private static readonly TextTemplate Holes = new("t", isChatStyle: true,
    [
        new ChatMessage("system", "no holes here"),
        new ChatMessage("user", "{target}{numbers} = {target}? {numbers}"),
    ]);

    private static bool Matches(TextTemplate template, CountdownTask task, IReadOnlyList<ChatMessage> messages)
        => template.Matches(task.Target, task.Nums,
            messages.Select(m => m.Role.AsMemory()).ToArray(), messages.Select(m => m.Content.AsMemory()).ToArray());

    [Fact]
    public void Matches_ItsOwnRendering_IsTrue()
    {
        var task = new CountdownTask(-5, [3, -9223372036854775808]);
        foreach (var template in new[] { Holes, PromptTemplates.Base, PromptTemplates.Chat })
            Assert.True(Matches(template, task, template.Render(task)), template.Name);
    }

    [Fact]
    public void Matches_AnyCharacterChanged_IsFalse()
    {
        var task = new CountdownTask(-5, [3, 71]);
        var rendered = Holes.Render(task);
        for (var m = 0; m < rendered.Count; m++)
        {
            var content = rendered[m].Content;
            for (var at = 0; at < content.Length; at++)
            {
                var changed = rendered.ToArray();
                changed[m] = rendered[m] with { Content = content[..at] + (content[at] == 'x' ? 'y' : 'x') + content[(at + 1)..] };
                Assert.False(Matches(Holes, task, changed), $"message {m}, character {at}");
            }
        }
    }

    [Fact]
    public void Matches_OtherRoleCountLengthOrTask_IsFalse()
    {
        var task = new CountdownTask(-5, [3, 71]);
        var rendered = Holes.Render(task);

        Assert.False(Matches(Holes, task, [rendered[0], rendered[1] with { Role = "assistant" }]));
        Assert.False(Matches(Holes, task, [rendered[0]]));
        Assert.False(Matches(Holes, task, [rendered[0], rendered[1], rendered[1]]));
        Assert.False(Matches(Holes, task, [rendered[0], rendered[1] with { Content = rendered[1].Content + " " }]));
        Assert.False(Matches(Holes, task, [rendered[0], rendered[1] with { Content = rendered[1].Content[..^1] }]));
        Assert.False(Matches(Holes, new CountdownTask(-6, [3, 71]), rendered));
        Assert.False(Matches(Holes, new CountdownTask(-5, [3, 72]), rendered));
        Assert.False(Matches(Holes, new CountdownTask(-5, [71, 3]), rendered));
    }
}
