namespace Countdown.Preprocess.Output;

/// <summary>
/// The stream <see cref="AtomicFileSet.Create(string, string?)"/> hands out: closing it never throws, so the error a
/// writer reports (say, a full disk) is not replaced by the same error from the last flush on dispose; instead the
/// failure is recorded, and the set refuses to commit a file whose last bytes never reached it.
/// </summary>
internal sealed class TemporaryFileStream : FileStream
{
    private readonly Action<Exception> _closeFailed;

    public TemporaryFileStream(string path, Action<Exception> closeFailed)
        : base(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true)
        => _closeFailed = closeFailed;

    protected override void Dispose(bool disposing)
    {
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
}
