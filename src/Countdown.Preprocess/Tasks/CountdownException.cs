namespace Countdown.Preprocess.Tasks;

/// <summary>Base of every failure the library reports to a user: the message is one sentence fit to print as it is.</summary>
public abstract class CountdownException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    protected CountdownException(string message, Exception? inner = null) : base(message, inner) { }
}
