using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli;

public sealed class OverrideQuotingTests
{
    [Theory]
    [InlineData("{{ messages[0].content }}")]
    [InlineData("/data/plain/train.parquet")]
    [InlineData("/data/with space/it's \"quoted\"/a,b=c:d/train.parquet")]
    [InlineData("ends with backslash\\")]
    [InlineData("back\\slash before \\\"quote")]
    [InlineData("${not.an.interpolation} $HOME `date`")]
    [InlineData("true")]
    [InlineData("123")]
    public async Task Override_AnyValue_ShellThenHydraGiveItBack(string value)
    {
        var word = OverrideQuoting.Override("a.b", value);

        var words = await ShellAndHydra.ShellWordsAsync("x " + word + " y");

        Assert.Equal(3, words.Length);
        Assert.Equal(value, ShellAndHydra.HydraValue(words[1], "a.b"));
    }

    [Fact]
    public void Override_PlainPath_LeftUnquoted()
        => Assert.Equal("data.train_files=/home/me/train.parquet", OverrideQuoting.Override("data.train_files", "/home/me/train.parquet"));
}
