using System.Buffers.Binary;
using System.Text;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tests.Templates;

public sealed class TextTemplateUtf8Tests
{
    public static TheoryData<string> Templates() => [.. PromptTemplates.Names];

    [Theory]
    [MemberData(nameof(Templates))]
    public void RenderLengthPrefixedUtf8_BuiltInTemplate_EachContentIsTheUtf8OfRender(string name)
    {
        var template = Assert.IsType<TextTemplate>(PromptTemplates.Get(name));
        var random = new Random(1);
        for (int i = 0; i < 500; i++)
        {
            var nums = Enumerable.Range(0, random.Next(0, 7)).Select(_ => (long)random.Next(-1_000, 100_000)).ToArray();
            AssertSameAsRender(template, new CountdownTask(random.Next(-50, 5_000), nums));
        }
    }

    [Fact]
    public void RenderLengthPrefixedUtf8_ExtremeAndManyNumbers_SameAsRender()
    {
        var template = new TextTemplate("t", isChatStyle: true,
        [
            new ChatMessage("system", "no holes, é ✓"),
            new ChatMessage("user", "{target}{numbers} = {target}? {numbers}"),
            new ChatMessage("assistant", ""),
        ]);

        AssertSameAsRender(template, new CountdownTask(long.MinValue, [long.MaxValue, long.MinValue, 0]));
        AssertSameAsRender(template, new CountdownTask(1, Enumerable.Range(0, 300).Select(i => (long)i * 1_000_000_007L - 5).ToArray()));
        AssertSameAsRender(template, new CountdownTask(1, []));
    }

    [Theory]
    [InlineData("plain ASCII {numbers}", true)]
    [InlineData("Réponds «vite» — 日本語 ✓ {target}", true)]
    [InlineData("\uD7FF last before surrogates", true)]
    [InlineData("emoji 😀 {target}", false)]
    [InlineData("private use \uE000", false)]
    [InlineData("fullwidth \uFF01", false)]
    [InlineData("lone surrogate \uD800 here", false)]
    public void RendersOrderedUtf8_TemplateText_TrueOnlyBelowTheSurrogates(string content, bool expected)
    {
        var template = new TextTemplate("t", isChatStyle: true, [new ChatMessage("system", "fixed"), new ChatMessage("user", content)]);

        Assert.Equal(expected, template.RendersOrderedUtf8);
    }

    private static void AssertSameAsRender(TextTemplate template, CountdownTask task)
    {
        var buffer = new byte[template.MaxLengthPrefixedUtf8(task.Nums.Length)];
        int written = template.RenderLengthPrefixedUtf8(task, buffer);

        var expected = template.Render(task).Select(m => Encoding.UTF8.GetBytes(m.Content)).ToArray();
        var actual = new List<byte[]>();
        for (int at = 0; at < written;)
        {
            int length = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(at));
            actual.Add(buffer.AsSpan(at + 4, length).ToArray());
            at += 4 + length;
        }
        Assert.Equal(expected, actual);
    }
}
