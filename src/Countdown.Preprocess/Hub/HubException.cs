using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Hub;

/// <summary>Reading a dataset from the Hugging Face Hub failed; nothing broken was left in the cache.</summary>
public sealed class HubException : CountdownException
{
    /// <summary>Creates the exception with a one-sentence message that names the dataset or file and hints at a fix.</summary>
    public HubException(HubErrorKind kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    /// <summary>Gets why the read failed.</summary>
    public HubErrorKind Kind { get; }
}
