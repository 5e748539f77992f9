using System.Runtime;

namespace Countdown.Preprocess.Cli;

/// <summary>Holds the garbage collector off for a command's first allocations (a no-GC region), then lets it work as usual.</summary>
/// <remarks>
/// <para>
/// <c>prepare</c> allocates little: about 60 MB for the default job's 490k input tasks, mostly the reader's tasks waiting
/// to be rendered. But every collection during the job copies those survivors while all other threads stop, and with
/// workstation GC one thread does it: about 35 ms of a 230 ms run on 2 cores. Inside a region of
/// <see cref="PrepareBytes"/> the default job runs without a single collection (peak 94 MB); a bigger job leaves the
/// region once it has allocated that much and the collector takes over (20M tasks: peak 137 MB, the same as without).
/// </para>
/// <para>The region is process-wide, so only one is open at a time: a command that finds one open (tests run commands in
/// parallel in one process) runs without.</para>
/// </remarks>
internal sealed class CollectionFreeRegion : IDisposable
{
    /// <summary>The allocations <c>prepare</c> makes before the first collection.</summary>
    public const long PrepareBytes = 64L << 20;

    private static int s_open;
    private bool _owned;

    private CollectionFreeRegion(bool owned) => _owned = owned;

    /// <summary>Gets whether this instance opened the region and has not ended it.</summary>
    internal bool Owned => _owned;

    /// <summary>Opens a region for the next <paramref name="bytes"/> of allocations, if none is open and the runtime allows it.</summary>
    public static CollectionFreeRegion Enter(long bytes)
    {
        if (Interlocked.CompareExchange(ref s_open, 1, 0) != 0) return new(owned: false);
        try
        {
            if (GC.TryStartNoGCRegion(bytes)) return new(owned: true);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentOutOfRangeException)
        {
            // Too large for this runtime's segments, or a region opened elsewhere: run as usual.
        }

        Volatile.Write(ref s_open, 0);
        return new(owned: false);
    }

    /// <summary>Ends the region if the command did not outgrow it.</summary>
    public void Dispose()
    {
        if (!_owned) return;
        _owned = false;
        try
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region already ended: the command allocated more than it allowed, or something collected.
        }

        Volatile.Write(ref s_open, 0);
    }
}
