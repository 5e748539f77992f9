using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli;

/// <summary>Locks what users see in --help; a change writes a .received.txt beside the approved file to compare.</summary>
public sealed class HelpTextTests
{
    [Theory]
    [InlineData("root")]
    [InlineData("prepare")]
    [InlineData("inspect")]
    [InlineData("validate")]
    [InlineData("stats")]
    [InlineData("generate")]
    [InlineData("score")]
    [InlineData("report")]
    public async Task Help_EachCommand_MatchesApprovedText(string command)
    {
        string[] args = command == "root" ? ["--help"] : [command, "--help"];

        var run = await CliRun.RunAsync(args);

        Assert.Equal(0, run.ExitCode);
        var approved = RepositoryFiles.Path("tests", "Countdown.Preprocess.Tests", "Cli", "Approvals", $"help.{command}.approved.txt");
        var received = Path.ChangeExtension(approved, null).Replace(".approved", ".received") + ".txt";
        // The usage line names the running executable: the test host here, countdown-preprocess for users.
        var text = run.Out.ReplaceLineEndings("\n").Replace("Usage:\n  testhost", "Usage:\n  countdown-preprocess");
        if (!File.Exists(approved) || File.ReadAllText(approved) != text)
        {
            File.WriteAllText(received, text);
            Assert.Fail($"Help for '{command}' differs from {approved}; compare with {received} and copy it over if the change is intended.");
        }
        File.Delete(received);
    }
}
