namespace Countdown.Preprocess.Cli;

/// <summary>Defaults that several commands share, so one name has one default everywhere.</summary>
internal static class CliDefaults
{
    /// <summary>The seed of <c>prepare --shuffle</c> and of <c>generate</c>.</summary>
    public const ulong Seed = 42;
}
