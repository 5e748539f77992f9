using Microsoft.Win32.SafeHandles;

namespace Countdown.Preprocess.Output;

/// <summary>
/// The stream <see cref="AtomicFileSet.Create(string, string?)"/> hands out: closing it never throws, so the error a
/// writer reports (say, a full disk) is not replaced by the same error from the last flush on dispose; instead the
/// failure is recorded, and the set refuses to commit a file whose last bytes never reached it.
/// </summary>
/// <remarks>
/// Every <see cref="WriteBehindBytes"/> written, the bytes so far are flushed to the disk on the thread pool while
/// writing goes on, so the flush <see cref="AtomicFileSet.Commit"/> makes before its renames finds little left to do:
/// for the default prepare job that was 15 ms of a 300 ms run spent waiting on the disk at the end. A failed
/// background flush is recorded like a failed close.
/// </remarks>
internal sealed class TemporaryFileStream : FileStream
{
    /// <summary>How many bytes are written between two background flushes.</summary>
    internal const long WriteBehindBytes = 4 << 20;

    private readonly Action<Exception> _closeFailed;
    private readonly SafeFileHandle _handle;
    private long _sinceFlush;
    private Task? _flushing;

    public TemporaryFileStream(string path, Action<Exception> closeFailed)
        : base(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true)
    {
        _closeFailed = closeFailed;
        // Taken now, on the writer's thread: the getter flushes the stream's own buffer.
        _handle = SafeFileHandle;
    }

    // A type derived from FileStream gets every write through these two overloads (the span and memory ones of Stream
    // call them), so counting here counts every byte once; overriding the others too would recurse.
    public override void Write(byte[] buffer, int offset, int count)
    {
        base.Write(buffer, offset, count);
        Written(count);
    }

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        await base.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        Written(count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) EndFlushing();
        try
        {
            base.Dispose(disposing);
        }
        catch (Exception error) when (disposing && error is IOException or UnauthorizedAccessException)
        {
            _closeFailed(error);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_flushing is { } flushing) await flushing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        EndFlushing();
        try
        {
            await base.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _closeFailed(error);
        }
        GC.SuppressFinalize(this);
    }

    private void Written(int count)
    {
        _sinceFlush += count;
        if (_sinceFlush < WriteBehindBytes || _flushing is { IsCompleted: false }) return;
        Observe(_flushing);
        _sinceFlush = 0;
        _flushing = Task.Run(() => RandomAccess.FlushToDisk(_handle));
    }

    /// <summary>Waits for a background flush and records its failure, if any.</summary>
    private void EndFlushing()
    {
        var flushing = _flushing;
        _flushing = null;
        if (flushing is null) return;
        ((Task)flushing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        Observe(flushing);
    }

    private void Observe(Task? flushing)
    {
        if (flushing?.Exception?.InnerException is { } error)
            _closeFailed(error);
    }
}
