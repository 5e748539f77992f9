using System.Numerics;
using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Tests.Scoring;

/// <summary>Expected values are CPython 3.11's: <c>float(n)</c>, <c>a / b</c>, <c>v // w</c>.</summary>
public sealed class PythonFloatTests
{
    [Theory]
    [InlineData("9007199254740993", 9007199254740992.0)] // 2**53 + 1: a tie, to even
    [InlineData("9007199254740995", 9007199254740996.0)] // 2**53 + 3: a tie, to even (up)
    [InlineData("-9007199254740993", -9007199254740992.0)]
    [InlineData("123456789012345678901234567890", 1.2345678901234568E+29)]
    public void TryFromInt_BigInteger_RoundsHalfToEven(string value, double expected)
    {
        Assert.True(PythonFloat.TryFromInt(BigInteger.Parse(value), out var result));
        Assert.Equal(expected, result);
    }

    [Fact]
    public void TryFromInt_LargestBelowOverflow_IsMaxValue()
    {
        // 2**1024 - 2**970 - 1 rounds down to the largest double; 2**1024 - 2**970 is a tie that rounds up to infinity.
        var tie = BigInteger.Pow(2, 1024) - BigInteger.Pow(2, 970);

        Assert.True(PythonFloat.TryFromInt(tie - 1, out var below));
        Assert.Equal(double.MaxValue, below);
        Assert.False(PythonFloat.TryFromInt(tie, out _));
        Assert.False(PythonFloat.TryFromInt(BigInteger.Pow(10, 400), out _));
    }

    [Fact]
    public void TryTrueDivide_HugeIntegers_IsCorrectlyRoundedOrOverflows()
    {
        Assert.True(PythonFloat.TryTrueDivide(BigInteger.Pow(10, 400), BigInteger.Pow(10, 399), out var ten));
        Assert.Equal(10.0, ten);
        Assert.True(PythonFloat.TryTrueDivide(BigInteger.Pow(10, 22), 7, out var seventh));
        Assert.Equal(1.4285714285714287e+21, seventh);
        Assert.True(PythonFloat.TryTrueDivide(BigInteger.Pow(2, 60) + 1, BigInteger.Pow(2, 60) - 1, out var one));
        Assert.Equal(1.0, one);
        Assert.False(PythonFloat.TryTrueDivide(BigInteger.Pow(10, 400), 3, out _));
    }

    [Fact]
    public void TryTrueDivide_Subnormals_RoundLikePython()
    {
        var two1074 = BigInteger.Pow(2, 1074);

        Assert.True(PythonFloat.TryTrueDivide(1, two1074, out var smallest));
        Assert.Equal(double.Epsilon, smallest);
        Assert.True(PythonFloat.TryTrueDivide(1, two1074 * 2, out var half));
        Assert.Equal(0.0, half); // exactly half the smallest subnormal: to even
        Assert.True(PythonFloat.TryTrueDivide(3, two1074 * 4, out var threeQuarters));
        Assert.Equal(double.Epsilon, threeQuarters);
        Assert.True(PythonFloat.TryTrueDivide(BigInteger.Pow(10, 30) + 1, BigInteger.Pow(10, 30) * 3, out var third));
        Assert.Equal(1.0 / 3.0, third);
    }

    [Fact]
    public void TryTrueDivide_ZeroOverNegative_IsNegativeZero()
    {
        Assert.True(PythonFloat.TryTrueDivide(0, -BigInteger.Pow(10, 30), out var result));
        Assert.True(double.IsNegative(result) && result == 0);
    }

    [Theory]
    [InlineData(7.5, 2.0, 3.0)]
    [InlineData(-7.5, 2.0, -4.0)]
    [InlineData(7.5, -2.0, -4.0)]
    [InlineData(-7.0, 2.0, -4.0)]
    [InlineData(1.0, 0.1, 9.0)]     // Python: 1.0 // 0.1 == 9.0
    [InlineData(0.0, -3.0, -0.0)]
    public void FloorDivide_Doubles_MatchesPython(double v, double w, double expected)
    {
        var result = PythonFloat.FloorDivide(v, w);

        Assert.Equal(expected, result);
        Assert.Equal(double.IsNegative(expected), double.IsNegative(result));
    }
}
