using Countdown.Preprocess.Quality;

namespace Countdown.Preprocess.Tests.Quality;

public sealed class UniformBoundTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    [InlineData(6UL)]
    [InlineData(99UL)]
    [InlineData(1_000_003UL)]
    [InlineData(0x8000_0000_0000_0001UL)]
    [InlineData(ulong.MaxValue)]
    public void Remainder_AnyValue_EqualsTheModuloOperator(ulong bound)
    {
        var prepared = new UniformBound(bound);
        var random = new SplitMix64(bound);
        ulong[] edges = [0, 1, bound - 1, bound, bound + 1, ulong.MaxValue, ulong.MaxValue - 1, prepared.Threshold];

        foreach (var value in edges.Concat(Enumerable.Range(0, 20_000).Select(_ => random.Next())))
            Assert.Equal(value % bound, prepared.Remainder(value));
        Assert.Equal((0UL - bound) % bound, prepared.Threshold);
    }

    [Fact]
    public void Remainder_BoundsAroundEveryPowerOfTwo_EqualsTheModuloOperator()
    {
        // The multiplier and shifts change at each power of two: test both sides of every one, with values near
        // multiples of the bound, where a quotient one off would show.
        var random = new SplitMix64(99);
        for (var bit = 1; bit < 64; bit++)
        {
            foreach (var bound in new[] { (1UL << bit) - 1, 1UL << bit, (1UL << bit) + 1, (1UL << bit) + random.Next() % (1UL << bit) })
            {
                var prepared = new UniformBound(bound);
                for (var i = 0; i < 2_000; i++)
                {
                    var value = random.Next();
                    var nearMultiple = value / bound * bound + (ulong)(i % 3) - 1;
                    Assert.Equal(value % bound, prepared.Remainder(value));
                    Assert.Equal(nearMultiple % bound, prepared.Remainder(nearMultiple));
                }
            }
        }
    }

    [Fact]
    public void MultiplyHigh_AnyOperands_IsTheHighHalfOfTheFullProduct()
    {
        var random = new SplitMix64(5);
        ulong[] edges = [0, 1, uint.MaxValue, 1UL << 32, ulong.MaxValue, ulong.MaxValue - 1];
        foreach (var a in edges.Concat(Enumerable.Range(0, 200).Select(_ => random.Next())))
        {
            foreach (var b in edges.Concat(Enumerable.Range(0, 50).Select(_ => random.Next())))
            {
                Assert.Equal((ulong)(((UInt128)a * b) >> 64), UniformBound.MultiplyHigh(a, b));
                Assert.Equal((ulong)(((UInt128)a * b) >> 64), UniformBound.MultiplyHighPortable(a, b));
            }
        }
    }

    [Theory]
    [InlineData(3UL)]
    [InlineData(99UL)]
    [InlineData(0xC000_0000_0000_0000UL)]
    public void NextBelow_PreparedBound_DrawsWhatTheDivisionDraws(ulong bound)
    {
        var plain = new SplitMix64(7);
        var prepared = new SplitMix64(7);
        var uniform = new UniformBound(bound);

        for (var i = 0; i < 10_000; i++) Assert.Equal(plain.NextBelow(bound), prepared.NextBelow(uniform));
    }
}
