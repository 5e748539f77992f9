using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Countdown.Preprocess.Output;

/// <summary>The few POSIX calls .NET does not expose: open a folder, fsync it, flock it, and hard-link a file.</summary>
/// <remarks>
/// .NET refuses to open a folder as a file (<c>File.OpenHandle</c> throws on a directory), so neither
/// <c>RandomAccess.FlushToDisk</c> nor <c>FileShare.None</c> locking can reach a folder; libc can. Besides
/// <c>O_RDONLY</c> (0 everywhere) only <c>O_CLOEXEC</c> differs by platform; <c>flock</c>'s constants are shared by
/// Linux and the BSDs.
/// </remarks>
internal static class UnixFileSystem
{
    private const int ReadOnly = 0;

    // Close-on-exec, so a child process started meanwhile does not inherit the handle and with it the lock:
    // 02000000 on every Linux architecture .NET runs on, 0x1000000 on macOS, 0x100000 on FreeBSD.
    private static int CloseOnExec => OperatingSystem.IsLinux() ? 0x80000 : OperatingSystem.IsMacOS() ? 0x1000000 : OperatingSystem.IsFreeBSD() ? 0x100000 : 0;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;

    /// <summary>Whether these calls are available: any Unix (Linux, macOS, FreeBSD); not Windows.</summary>
    public static bool IsAvailable => !OperatingSystem.IsWindows();

    /// <summary>Opens <paramref name="folder"/> read-only, for <see cref="Sync"/> and <see cref="TryLock"/>; null when it cannot be opened (no read permission).</summary>
    public static SafeFileHandle? TryOpenFolder(string folder)
    {
        var fd = open(folder, ReadOnly | CloseOnExec);
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Flushes <paramref name="handle"/> (a file or a folder) to the disk: for a folder, the names renamed in it.</summary>
    /// <exception cref="IOException">The file system reported a write error.</exception>
    public static void Sync(SafeFileHandle handle, string path)
    {
        if (fsync(handle) != 0)
        {
            // Some file systems (and /dev/shm-like ones) cannot fsync a folder; the data itself was synced, so that is not an error.
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Einval || errno == Enotsup || errno == Eopnotsupp) return;
            throw Failure($"Cannot flush '{path}' to the disk", errno);
        }
    }

    /// <summary>Takes an exclusive advisory lock without waiting: true when taken, false when another open handle holds it, null when the file system cannot lock a folder.</summary>
    /// <remarks>The kernel drops the lock when the handle closes, which includes any death of the process, so it never goes stale.</remarks>
    public static bool? TryLock(SafeFileHandle handle)
    {
        if (flock(handle, LockExclusive | LockNonBlocking) == 0) return true;
        // Anything but "held by someone else" (NFS may answer EBADF or ENOLCK for a folder) means no lock is possible here.
        return Marshal.GetLastPInvokeError() == WouldBlock ? false : null;
    }

    /// <summary>Makes <paramref name="link"/> a second name of <paramref name="existing"/>; false when the file system has no hard links.</summary>
    public static bool TryHardLink(string existing, string link) => link_(existing, link) == 0;

    /// <summary>Whether a process with this id exists now (it may belong to another user).</summary>
    public static bool IsAlive(int pid)
    {
        if (kill(pid, 0) == 0) return true;
        return Marshal.GetLastPInvokeError() == Eperm;
    }

    private const int Eperm = 1;
    private const int Einval = 22;
    private static int Enotsup => OperatingSystem.IsLinux() ? 95 : 45;
    private static int Eopnotsupp => OperatingSystem.IsLinux() ? 95 : 102;
    private static int WouldBlock => OperatingSystem.IsLinux() ? 11 : 35;

    private static IOException Failure(string what, int? errno = null)
    {
        var code = errno ?? Marshal.GetLastPInvokeError();
        return new IOException($"{what}: {Marshal.GetPInvokeErrorMessage(code)}.", code);
    }

#pragma warning disable SYSLIB1054, CA5392 // plain DllImport keeps the project free of unsafe code; libc is resolved by the runtime.
    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(SafeFileHandle fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int flock(SafeFileHandle fd, int operation);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int link_([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054, CA5392
}
