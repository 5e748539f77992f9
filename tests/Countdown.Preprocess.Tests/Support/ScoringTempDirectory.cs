namespace Countdown.Preprocess.Tests.Support;

/// <summary>A temporary folder for one scoring test, deleted afterwards.</summary>
internal sealed class ScoringTempDirectory : IDisposable
{
    public ScoringTempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "countdown-scoring-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
