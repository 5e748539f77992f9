using Countdown.Preprocess.Generating;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Generating;

public sealed class ValueRangeTests
{
    [Theory]
    [InlineData("1-99", 1, 99)]
    [InlineData(" 3 - 4 ", 3, 4)]
    [InlineData("7", 7, 7)]
    [InlineData("-5-5", -5, 5)]
    [InlineData("-20--10", -20, -10)]
    public void Parse_Valid_ReadsBothEnds(string text, long min, long max)
        => Assert.Equal(new ValueRange(min, max), ValueRange.Parse(text, "--values"));

    [Theory]
    [InlineData("99-1", "--values '99-1' starts above its end; write the smaller number first, e.g. '1-99'.")]
    [InlineData("1..99", "--values '1..99' is not a range; write two integers like '1-99', or one number.")]
    [InlineData("", "--values '' is not a range; write two integers like '1-99', or one number.")]
    [InlineData("1-99999999999999999999", "--values '1-99999999999999999999' is not a range; write two integers like '1-99', or one number.")]
    public void Parse_Invalid_ThrowsUsageException(string text, string message)
        => Assert.Equal(message, Assert.Throws<UsageException>(() => ValueRange.Parse(text, "--values")).Message);

    [Theory]
    [InlineData(1, 99, "1-99")]
    [InlineData(4, 4, "4")]
    public void ToString_Range_PrintsAsWritten(long min, long max, string expected)
        => Assert.Equal(expected, new ValueRange(min, max).ToString());
}
