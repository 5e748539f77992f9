using Microsoft.Win32.SafeHandles;

namespace Countdown.Preprocess.Output;

/// <summary>
/// An exclusive lock on an output folder, held while a commit renames files in it, so two runs into one folder
/// commit one after the other and never leave a mixed set.
/// </summary>
/// <remarks>
/// On Unix it is an advisory <c>flock</c> on the folder itself: nothing is created in the folder, and the kernel drops
/// the lock when the handle closes, also when the process is killed, so it never goes stale. On Windows, where a
/// folder cannot be locked, it is a hidden <see cref="WindowsLockFileName"/> opened without sharing and deleted on close
/// (Windows also releases it when the process dies).
/// </remarks>
internal sealed class FolderLock : IDisposable
{
    /// <summary>The lock file's name on Windows.</summary>
    public const string WindowsLockFileName = ".countdown-preprocess.lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly IDisposable _handle;

    private FolderLock(string folder, IDisposable handle, SafeFileHandle? folderHandle)
    {
        Folder = folder;
        _handle = handle;
        FolderHandle = folderHandle;
    }

    /// <summary>The locked folder.</summary>
    public string Folder { get; }

    /// <summary>The open folder on Unix (for fsync), or null on Windows.</summary>
    public SafeFileHandle? FolderHandle { get; }

    /// <summary>Takes the lock, waiting while another run holds it; <paramref name="waiting"/> is told once when that happens.</summary>
    /// <exception cref="IOException">The lock file cannot be created (Windows).</exception>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public static FolderLock Acquire(string folder, Action<string>? waiting, CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            if (TryAcquire(folder) is { } taken) return taken;
            if (!told)
            {
                waiting?.Invoke(folder);
                told = true;
            }
            cancellationToken.WaitHandle.WaitOne(Poll);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static FolderLock? TryAcquire(string folder)
    {
        if (UnixFileSystem.IsAvailable)
        {
            // A folder we cannot open or a file system that cannot flock one (some NFS setups): commit unlocked and
            // unsynced rather than not at all; docs/guarantees.md states the limit.
            if (UnixFileSystem.TryOpenFolder(folder) is not { } handle) return new FolderLock(folder, handle: new NoHandle(), folderHandle: null);
            switch (UnixFileSystem.TryLock(handle))
            {
                case true:
                    return new FolderLock(folder, handle, handle);
                case false:
                    handle.Dispose();
                    return null;
                default:
                    return new FolderLock(folder, handle, handle);
            }
        }
        try
        {
            var file = new FileStream(Path.Combine(folder, WindowsLockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            File.SetAttributes(file.Name, FileAttributes.Hidden);
            return new FolderLock(folder, file, null);
        }
        catch (IOException) when (File.Exists(Path.Combine(folder, WindowsLockFileName)))
        {
            return null; // held by another run
        }
    }

    public void Dispose() => _handle.Dispose();

    private sealed class NoHandle : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
