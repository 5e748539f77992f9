namespace Countdown.Preprocess.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "countdown-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes raw tasks as JSON Lines (<c>{"nums": [...], "target": N}</c>) and returns the file's path.</summary>
    public string WriteJsonl(IEnumerable<(long Target, long[] Nums)> tasks, string name = "raw.jsonl")
    {
        var path = File(name);
        System.IO.File.WriteAllLines(path, tasks.Select(t => $"{{\"nums\": [{string.Join(", ", t.Nums)}], \"target\": {t.Target}}}"));
        return path;
    }

    /// <summary>Every file below the folder, as paths relative to it with '/' separators, in ordinal order.</summary>
    public IReadOnlyList<string> Files()
        => Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Select(file => System.IO.Path.GetRelativePath(Path, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The names of the files directly in the folder, in ordinal order.</summary>
    public string[] FileNames() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
