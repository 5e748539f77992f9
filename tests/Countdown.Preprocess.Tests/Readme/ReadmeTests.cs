using System.Text.RegularExpressions;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Readme;

/// <summary>
/// The README runs as written: every runnable command block runs, in order, against the CLI built with these tests,
/// from a copy of the repository root holding <c>samples/</c>, and prints what the README shows, figures included.
/// </summary>
/// <remarks>
/// After a change that alters an example's output, regenerate the README's outputs with
/// <c>COUNTDOWN_README_UPDATE=1 dotnet test Countdown.Preprocess.sln -c Release --filter FullyQualifiedName~ReadmeTests</c>
/// and review the diff. The examples run in <c>/home/me/countdown-preprocess</c> as far as their output shows.
/// </remarks>
public sealed partial class ReadmeTests
{
    private const string ShownHome = "/home/me";
    private static readonly string ReadmePath = RepositoryFiles.Path("README.md");

    [Fact]
    public async Task Readme_EveryRunnableCommand_PrintsWhatTheReadmeShows()
    {
        var lines = File.ReadAllLines(ReadmePath);
        var commands = ReadmeBlocks.Commands(lines);
        using var scratch = new TempDirectory();
        var home = Directory.CreateDirectory(Path.Combine(scratch.Path, "home", "me")).FullName;
        var repo = Directory.CreateDirectory(Path.Combine(home, "countdown-preprocess")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(repo, "samples"), RepositoryFiles.Path("samples"));
        var bin = Directory.CreateDirectory(Path.Combine(scratch.Path, "bin")).FullName;
        var tool = Path.Combine(bin, "countdown-preprocess");
        File.WriteAllText(tool, $"#!/usr/bin/env bash\nexec {ShellRun.CliCommand} \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        (string, string)[] environment =
        [
            ("HOME", home),
            ("PATH", $"{bin}:{Environment.GetEnvironmentVariable("PATH")}"),
            ("COUNTDOWN_CACHE", Path.Combine(scratch.Path, "cache")),
            ("HF_HUB_OFFLINE", "1"),
        ];

        var failures = new List<string>();
        var updates = new List<(ReadmeCommand Command, List<string> Actual)>();
        foreach (var command in commands)
        {
            var run = await ShellRun.RunAsync(repo, command.Command, environment);
            var actual = Normalize(run.Output, home);
            if (command.Expected is null)
            {
                if (run.ExitCode != 0) failures.Add($"README line {command.Line}: '{command.Command}' exited {run.ExitCode}:\n{string.Join('\n', actual)}");
                continue;
            }
            var expected = command.Expected.Select(l => l.TrimEnd()).ToList();
            if (!expected.SequenceEqual(actual))
            {
                updates.Add((command, actual));
                failures.Add($"README line {command.Line}: '{command.Command}' printed\n{string.Join('\n', actual)}\n--- but the README shows\n{string.Join('\n', expected)}");
            }
        }

        if (updates.Count > 0 && Environment.GetEnvironmentVariable("COUNTDOWN_README_UPDATE") == "1")
            Rewrite(lines, updates);
        Assert.True(failures.Count == 0,
            $"{failures.Count} README example(s) differ (regenerate with COUNTDOWN_README_UPDATE=1 and review):\n\n{string.Join("\n\n", failures)}");
    }

    [Fact]
    public void Readme_Size_IsAtMostTwentyThousandCharacters()
    {
        var text = File.ReadAllText(ReadmePath);

        Assert.True(text.Length <= 20_000, $"README.md has {text.Length:N0} characters; move reference detail into docs/ and link it.");
    }

    [Fact]
    public void Readme_TableOfContents_ListsEverySectionAndEveryLinkResolves()
    {
        var text = File.ReadAllText(ReadmePath);
        var sections = Heading().Matches(text).Select(m => m.Groups[1].Value.Trim()).Where(h => h != "Contents").ToList();

        var contents = text[text.IndexOf("## Contents", StringComparison.Ordinal)..];
        contents = contents[..contents.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        foreach (var section in sections)
            Assert.True(contents.Contains($"[{section}](#", StringComparison.Ordinal), $"The README's contents do not list '## {section}'.");
        foreach (Match link in RelativeLink().Matches(text))
            Assert.True(Path.Exists(RepositoryFiles.Path(link.Groups[1].Value.Split('#')[0])), $"The README links to '{link.Groups[1].Value}', which does not exist.");
    }

    [Fact]
    public void Docs_EveryPage_ClosesItsCodeFencesAndItsLinksResolve()
    {
        foreach (var page in Directory.EnumerateFiles(RepositoryFiles.Path("docs"), "*.md"))
        {
            var text = File.ReadAllText(page);

            ReadmeBlocks.Commands(File.ReadAllLines(page)); // throws on an unclosed fence
            foreach (Match link in RelativeLink().Matches(text))
            {
                var target = link.Groups[1].Value.Split('#')[0];
                Assert.True(target.Length == 0 || Path.Exists(Path.Combine(Path.GetDirectoryName(page)!, target)),
                    $"{Path.GetFileName(page)} links to '{link.Groups[1].Value}', which does not exist.");
            }
        }
    }

    [Fact]
    public void Commands_ConsoleShBlocksAndNoRun_AreToldApart()
    {
        string[] markdown =
        [
            "```console", "$ echo a \\", "  b", "a b", "$ true", "```",
            "```sh", "# a comment", "echo c", "```",
            "```sh no-run", "rm -rf /", "```",
            "```json", "{}", "```",
        ];

        var commands = ReadmeBlocks.Commands(markdown);

        Assert.Equal(["echo a \\\n  b", "true", "echo c"], commands.Select(c => c.Command));
        Assert.Equal(["a b"], commands[0].Expected!);
        Assert.Empty(commands[1].Expected!);
        Assert.Null(commands[2].Expected);
        Assert.Throws<InvalidOperationException>(() => ReadmeBlocks.Commands(["```sh", "echo unclosed"]));
    }

    private static List<string> Normalize(string output, string home)
    {
        var text = Timestamp().Replace(output.ReplaceLineEndings("\n").Replace(home, ShownHome), "[12:00:00 ");
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static void Rewrite(string[] lines, List<(ReadmeCommand Command, List<string> Actual)> updates)
    {
        var result = lines.ToList();
        foreach (var (command, actual) in updates.OrderByDescending(u => u.Command.Line))
        {
            var outputStart = command.Line - 1 + command.Command.Split('\n').Length;
            result.RemoveRange(outputStart, command.Expected!.Count);
            result.InsertRange(outputStart, actual);
        }
        File.WriteAllText(ReadmePath, string.Join('\n', result) + "\n");
    }

    [GeneratedRegex(@"\[\d\d:\d\d:\d\d (?=[A-Z]{3}\])")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\]\((?!https?:|#|mailto:)([^)\s]+)\)")]
    private static partial Regex RelativeLink();
}
