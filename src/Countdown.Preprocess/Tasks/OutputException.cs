namespace Countdown.Preprocess.Tasks;

/// <summary>An output could not be written or moved into place; files already there are left as they were.</summary>
public sealed class OutputException : CountdownException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public OutputException(string message, string path, Exception? inner = null) : base(message, inner) => Path = path;

    /// <summary>The output path at fault.</summary>
    public string Path { get; }
}
