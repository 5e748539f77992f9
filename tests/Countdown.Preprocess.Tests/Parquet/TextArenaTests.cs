using Countdown.Preprocess.Parquet;

namespace Countdown.Preprocess.Tests.Parquet;

public sealed class TextArenaTests
{
    [Fact]
    public void Add_ManyTextsAcrossBlocks_EveryCopyKeepsItsText()
    {
        using var arena = new TextArena();
        var texts = Enumerable.Range(0, 3_000).Select(i => new string((char)('a' + i % 26), 100 + i % 377) + i).ToArray();

        var copies = texts.Select(arena.Add).ToArray();

        Assert.Equal(texts, copies.Select(c => c.ToString()));
    }

    [Fact]
    public void Add_AfterClear_ReusesBlocksAndCopiesNewTexts()
    {
        using var arena = new TextArena();
        var first = arena.Add("first row group");
        arena.Clear();

        var second = arena.Add("second row group");

        Assert.Equal("second row group", second.ToString());
        Assert.Equal("second row grou", first.ToString());
    }

    [Fact]
    public void Add_TextLongerThanABlock_ReturnsItWithoutCopying()
    {
        using var arena = new TextArena();
        var huge = new string('x', 1_000_000);

        var copy = arena.Add(huge);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetString(copy, out var text, out _, out _));
        Assert.Same(huge, text);
    }
}
