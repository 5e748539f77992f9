namespace Countdown.Preprocess.Tasks;

/// <summary>An option or argument value is not acceptable (a negative size, an unknown template, a bad range).</summary>
public sealed class UsageException : CountdownException
{
    /// <summary>Creates the exception with a one-sentence message that names the option and hints at a fix.</summary>
    public UsageException(string message, Exception? inner = null) : base(message, inner) { }
}
