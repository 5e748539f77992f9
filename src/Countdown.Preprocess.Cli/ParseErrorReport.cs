using System.CommandLine;
using System.Text.RegularExpressions;

namespace Countdown.Preprocess.Cli;

/// <summary>
/// Reports command-line errors as people expect from Unix tools: one <c>error: …</c> line per problem, a suggestion
/// only when an unknown option is a near miss of a real one, then one line pointing at the command's help.
/// </summary>
internal static partial class ParseErrorReport
{
    /// <summary>The program name users type, whatever the host executable is called.</summary>
    public const string ProgramName = "countdown-preprocess";

    /// <summary>Writes the errors of <paramref name="parseResult"/> and returns the exit code for a usage error.</summary>
    public static int Write(ParseResult parseResult, TextWriter error)
    {
        // The first error only, an unknown option before anything else: what follows is often its knock-on
        // (the value of a mistyped option read as an unexpected argument).
        var command = parseResult.CommandResult.Command;
        var message = OptionLikeArgument(parseResult) is { } token
            ? $"Unrecognized command or argument '{token}'."
            : parseResult.Errors.OrderBy(e => UnrecognizedToken().Match(e.Message) is { Success: true } m && m.Groups["token"].Value.StartsWith('-') ? 0 : 1).First().Message;
        error.WriteLine($"error: {Rewrite(message, command)}");
        error.WriteLine($"Try '{CommandPath(parseResult)} --help'.");
        return ExitCodes.UsageOrBug;
    }

    /// <summary>Turns System.CommandLine's messages into one sentence without .NET type names.</summary>
    internal static string Rewrite(string message, Command command)
    {
        if (UnrecognizedToken().Match(message) is { Success: true } unknown)
        {
            var token = unknown.Groups["token"].Value;
            if (!token.StartsWith('-')) return $"Unexpected argument '{token}'; '{command.Name}' takes no more arguments.";
            var suggestions = Suggest(token, command);
            return suggestions.Count == 0
                ? $"Unknown option '{token}'."
                : $"Unknown option '{token}'; did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?";
        }
        if (CannotParse().Match(message) is { Success: true } bad)
        {
            var (value, option, type) = (bad.Groups["value"].Value, bad.Groups["option"].Value, bad.Groups["type"].Value);
            var kind = type switch
            {
                "System.Int32" or "System.Int64" => "a whole number",
                "System.UInt32" or "System.UInt64" => "a whole number of 0 or more",
                "System.Double" or "System.Single" or "System.Decimal" => "a number",
                "System.Boolean" => "true or false",
                _ => "an accepted value",
            };
            return $"'{value}' is not {kind}; {option} takes {kind}.";
        }
        if (NotAmong().Match(message) is { Success: true } choice)
        {
            var allowed = Regex.Matches(choice.Groups["allowed"].Value, "'([^']*)'").Select(m => m.Groups[1].Value);
            return $"'{choice.Groups["value"].Value}' is not one of: {string.Join(", ", allowed)}.";
        }
        return string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Whether the command line has errors, counting a positional value that looks like an option (a mistyped option the parser took as an argument).</summary>
    public static bool HasErrors(ParseResult parseResult)
        => parseResult.Action is System.CommandLine.Invocation.ParseErrorAction
            || (parseResult.Action is not System.CommandLine.Help.HelpAction && OptionLikeArgument(parseResult) is not null);

    private static string? OptionLikeArgument(ParseResult parseResult)
        => parseResult.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>()
            .SelectMany(a => a.Tokens).Select(t => t.Value).FirstOrDefault(v => v.Length > 1 && v.StartsWith('-'));

    /// <summary>The visible option names of the command (and recursive ones of its parents) within a small edit distance.</summary>
    internal static IReadOnlyList<string> Suggest(string token, Command command)
    {
        var stripped = token.TrimStart('-');
        var limit = Math.Min(2, stripped.Length / 3);
        if (limit == 0) return [];
        var names = VisibleOptions(command).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().ToList();
        var scored = names.Select(name => (name, distance: Distance(stripped, name.TrimStart('-')))).Where(x => x.distance <= limit).ToList();
        if (scored.Count == 0) return [];
        var best = scored.Min(x => x.distance);
        return scored.Where(x => x.distance == best).Select(x => x.name).Take(3).ToList();
    }

    private static IEnumerable<Option> VisibleOptions(Command command)
    {
        foreach (var option in command.Options.Where(o => !o.Hidden)) yield return option;
        foreach (var parent in command.Parents.OfType<Command>())
            foreach (var option in VisibleOptions(parent).Where(o => o.Recursive)) yield return option;
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Add(result.Parent is null ? ProgramName : result.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    [GeneratedRegex("^Unrecognized command or argument '(?<token>.*)'\\.$", RegexOptions.Singleline)]
    private static partial Regex UnrecognizedToken();

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for (?:option|argument) '(?<option>.*)' as expected type '(?<type>[^']*)'\\.$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex("^Argument '(?<value>.*)' not recognized\\. Must be one of:(?<allowed>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAmong();
}
