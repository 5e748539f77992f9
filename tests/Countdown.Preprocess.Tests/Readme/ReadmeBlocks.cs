namespace Countdown.Preprocess.Tests.Readme;

/// <summary>Reads the runnable commands out of a Markdown file.</summary>
/// <remarks>
/// Fences: <c>```console</c> holds <c>$ command</c> lines each followed by its output (standard output and standard
/// error as a terminal shows them), checked line for line; <c>```sh</c> holds commands that must succeed; a second
/// word <c>no-run</c> (<c>```sh no-run</c>) marks a block that is never run (installs, long jobs, GPUs). Other fences
/// (json, text, …) are not commands.
/// </remarks>
internal static class ReadmeBlocks
{
    public static IReadOnlyList<ReadmeCommand> Commands(string[] lines)
    {
        var commands = new List<ReadmeCommand>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            var info = lines[i][3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            if (end < 0) throw new InvalidOperationException($"The code fence opened on line {i + 1} is never closed.");
            var body = lines[(i + 1)..end];
            var runnable = info.Length > 0 && !info.Contains("no-run");
            if (runnable && info[0] == "console") commands.AddRange(Console(body, i + 2));
            else if (runnable && info[0] == "sh") commands.AddRange(Shell(body, i + 2));
            i = end;
        }
        return commands;
    }

    private static IEnumerable<ReadmeCommand> Console(string[] body, int firstLine)
    {
        for (var i = 0; i < body.Length;)
        {
            if (!body[i].StartsWith("$ ", StringComparison.Ordinal))
                throw new InvalidOperationException($"Line {firstLine + i} of a console block is output without a '$ ' command before it.");
            var start = i;
            var command = Continued(body, ref i, body[i][2..]);
            var expected = new List<string>();
            while (i < body.Length && !body[i].StartsWith("$ ", StringComparison.Ordinal)) expected.Add(body[i++]);
            yield return new ReadmeCommand(firstLine + start, command, expected);
        }
    }

    private static IEnumerable<ReadmeCommand> Shell(string[] body, int firstLine)
    {
        for (var i = 0; i < body.Length;)
        {
            if (body[i].Trim().Length == 0 || body[i].TrimStart().StartsWith('#')) { i++; continue; }
            var start = i;
            yield return new ReadmeCommand(firstLine + start, Continued(body, ref i, body[i]), null);
        }
    }

    // A line ending in a backslash continues on the next one, as in the shell.
    private static string Continued(string[] body, ref int i, string first)
    {
        var command = first;
        i++;
        while (command.EndsWith('\\') && i < body.Length) command += "\n" + body[i++];
        return command;
    }
}
