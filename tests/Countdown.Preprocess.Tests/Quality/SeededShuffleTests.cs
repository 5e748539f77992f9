using Countdown.Preprocess.Quality;

namespace Countdown.Preprocess.Tests.Quality;

public sealed class SeededShuffleTests
{
    // Golden values from an independent Python implementation of SplitMix64, rejection sampling and Fisher–Yates
    // (see the README's "Shuffle" paragraph); they lock the order across machines and .NET versions.
    [Fact]
    public void Next_Seed1234567_MatchesTheReferenceSplitMix64Outputs()
    {
        var random = new SplitMix64(1234567);

        ulong[] outputs = [random.Next(), random.Next(), random.Next(), random.Next(), random.Next()];

        Assert.Equal([6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL], outputs);
    }

    [Fact]
    public void Shuffle_Seed42_GivesTheGoldenOrder()
    {
        var items = Enumerable.Range(0, 10).ToList();

        SeededShuffle.Shuffle(items, 42);

        Assert.Equal([0, 9, 5, 8, 6, 4, 7, 2, 1, 3], items);
    }

    [Fact]
    public void Permutation_Seed2025_GivesTheGoldenOrder()
        => Assert.Equal([12, 3, 11, 2, 13, 1, 10, 4, 5, 0, 8, 9, 17, 19, 16, 14, 7, 6, 18, 15], SeededShuffle.Permutation(20, 2025));

    [Fact]
    public void Shuffle_ListAndSpan_GiveTheSameOrder()
    {
        var list = Enumerable.Range(0, 1000).Select(i => $"row {i}").ToList();
        var array = list.ToArray();

        SeededShuffle.Shuffle(list, 7);
        SeededShuffle.Shuffle(array.AsSpan(), 7);

        Assert.Equal(list, array);
    }

    [Fact]
    public void Shuffle_AnySeed_KeepsEveryItemOnce()
    {
        var items = Enumerable.Range(0, 5000).ToArray();

        SeededShuffle.Shuffle(items.AsSpan(), 99);

        Assert.Equal(Enumerable.Range(0, 5000), items.Order());
        Assert.NotEqual(Enumerable.Range(0, 5000), items);
    }

    [Fact]
    public void Shuffle_DifferentSeeds_GiveDifferentOrders()
        => Assert.NotEqual(SeededShuffle.Permutation(100, 1), SeededShuffle.Permutation(100, 2));

    [Fact]
    public void Shuffle_ManyRuns_PutsEachItemInEachPlaceAboutEquallyOften()
    {
        // Arrange: 4 items, 24,000 seeds; each item should land in each place ~6,000 times.
        var counts = new int[4, 4];

        // Act
        for (ulong seed = 0; seed < 24_000; seed++)
        {
            var order = SeededShuffle.Permutation(4, seed);
            for (var place = 0; place < 4; place++) counts[order[place], place]++;
        }

        // Assert: within 5% of fair, far beyond chance for a biased shuffle.
        foreach (var count in counts) Assert.InRange(count, 5700, 6300);
    }

    [Fact]
    public void NextBelow_SmallBound_StaysBelowIt()
    {
        var random = new SplitMix64(3);

        for (var i = 0; i < 10_000; i++) Assert.InRange(random.NextBelow(3), 0UL, 2UL);
    }
}
