using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Tasks;

public sealed class MessageTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("\u001b[2J", "\\e[2J")]
    [InlineData("a\nb\rc\td", "a\\nb\\rc\\td")]
    [InlineData("bell\u0007 del\u007f c1\u009b", "bell\\u0007 del\\u007f c1\\u009b")]
    [InlineData("evil\u202eexe.txt", "evil\\u202eexe.txt")]
    [InlineData("ünïcödé 😀", "ünïcödé 😀")]
    public void Quote_ControlCharacters_AreEscaped(string value, string expected)
        => Assert.Equal(expected, MessageText.Quote(value));

    [Fact]
    public void Quote_LongValue_IsCutAndSaysItsLength()
        => Assert.Equal(new string('x', 10) + "… (25 characters)", MessageText.Quote(new string('x', 25), maxLength: 10));

    [Fact]
    public void Clause_MultiLineMessage_KeepsTheFirstLineWithoutFullStop()
        => Assert.Equal("Bad thing \\e[1m", MessageText.Clause("Bad thing \u001b[1m.\nat Some.Frame()"));
}
