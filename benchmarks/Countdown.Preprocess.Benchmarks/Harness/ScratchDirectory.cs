namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>A temporary folder for the runs' outputs, deleted with everything in it on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    private int _next;

    public ScratchDirectory(string? parent)
    {
        Path = System.IO.Path.Combine(parent ?? System.IO.Path.GetTempPath(), "countdown-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A fresh, not yet existing folder path inside the scratch folder, so no run sees another's files.</summary>
    public string NewFolder(string label) => System.IO.Path.Combine(Path, $"{Interlocked.Increment(ref _next):D3}-{label}");

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
