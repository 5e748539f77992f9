namespace Countdown.Preprocess.Tests.Support;

/// <summary>A fresh temporary folder for inspect and validate tests, deleted on dispose.</summary>
internal sealed class ValidationTempFolder : IDisposable
{
    public ValidationTempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "countdown-validate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A reader still holding a file on Windows; the OS cleans temp eventually.
        }
    }
}
