namespace Countdown.Preprocess.Tests.Readme;

/// <summary>One command of a README code block and the output the README shows for it.</summary>
/// <param name="Line">The 1-based README line of the command.</param>
/// <param name="Command">The command as typed, continuation lines included.</param>
/// <param name="Expected">The output lines shown after it (console blocks), or null when only success is checked (sh blocks).</param>
internal sealed record ReadmeCommand(int Line, string Command, IReadOnlyList<string>? Expected);
