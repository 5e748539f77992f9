using System.Diagnostics;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>A test that mounts a small tmpfs to fill a disk for real: runs as root on Linux with CAP_SYS_ADMIN, skipped with the reason otherwise.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Needs Linux to mount a tmpfs.";
        else if (!Environment.IsPrivilegedProcess) Skip = "Needs root to mount a tmpfs (CI runs as root).";
        else if (!HasSysAdmin()) Skip = "Needs CAP_SYS_ADMIN to mount a tmpfs.";
    }

    private static bool HasSysAdmin()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["CapEff:".Length..].Trim(), 16) & (1UL << 21)) != 0;
    }
}

/// <summary>A tmpfs of a fixed size mounted on a fresh folder, unmounted on dispose.</summary>
internal sealed class Tmpfs : IDisposable
{
    public Tmpfs(string path, string size)
    {
        Path = path;
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
    }

    public string Path { get; }

    /// <summary>Fills the file system, then frees exactly <paramref name="bytes"/> (whole pages).</summary>
    public void FillLeaving(long bytes)
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var page = new byte[4096];
        try
        {
            while (true) stream.Write(page);
        }
        catch (IOException)
        {
            // Full.
        }
        stream.SetLength(Math.Max(0, stream.Length - bytes));
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error}");
    }
}
