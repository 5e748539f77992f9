using System.Text;

namespace Countdown.Preprocess.Scoring;

/// <summary>The reward function for today's veRL: <c>countdown_reward.py</c>, a self-contained Python 3.8+ module (standard
/// library only) defining <c>compute_score</c> with the semantics of <see cref="RewardScorer"/>.</summary>
public static class RewardModule
{
    /// <summary>The file name <c>prepare --verl</c> gives the module.</summary>
    public const string FileName = "countdown_reward.py";

    /// <summary>The name of the function veRL calls (<c>reward.custom_reward_function.name</c>).</summary>
    public const string FunctionName = "compute_score";

    private const string ResourceName = "Countdown.Preprocess.Scoring.countdown_reward.py";

    private static readonly Lazy<string> Source = new(Load);

    /// <summary>The module's source text (UTF-8, LF line breaks).</summary>
    public static string PythonSource => Source.Value;

    /// <summary>Writes the module's source to <paramref name="destination"/> as UTF-8 without a byte order mark.</summary>
    public static async Task WriteAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await destination.WriteAsync(Encoding.UTF8.GetBytes(PythonSource), cancellationToken);
    }

    private static string Load()
    {
        using var stream = typeof(RewardModule).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the library build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
