using System.Runtime;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli;

/// <summary>The region is process-wide: these run alone, so no other test opens, outgrows or collects it meanwhile.</summary>
[Collection(HeapCollection.Name)]
public sealed class CollectionFreeRegionTests
{
    [Fact]
    public void Enter_WhileOneIsOpen_SecondRunsWithoutAndFirstEndsIt()
    {
        var first = CollectionFreeRegion.Enter(CollectionFreeRegion.PrepareBytes);
        var second = CollectionFreeRegion.Enter(CollectionFreeRegion.PrepareBytes);

        Assert.False(first.Owned && second.Owned);
        second.Dispose();
        first.Dispose();

        Assert.False(first.Owned);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Dispose_AfterTheRegionWasOutgrown_EndsQuietly()
    {
        var region = CollectionFreeRegion.Enter(1 << 20);
        var garbage = new List<byte[]>();
        for (int i = 0; i < 64; i++) garbage.Add(new byte[64 * 1024]);

        region.Dispose();
        region.Dispose();

        Assert.Equal(64, garbage.Count);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
