using Countdown.Preprocess.Validation;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary>The fixes <c>validate</c> suggests after its report, one <c>hint:</c> line each.</summary>
internal static class ValidateHints
{
    /// <summary>The hints for <paramref name="report"/>; <paramref name="hasTemplateFile"/> says whether <c>--template-file</c> was given.</summary>
    public static IEnumerable<string> For(ValidationReport report, bool hasTemplateFile)
    {
        var counts = report.Files.SelectMany(f => f.Violations).GroupBy(v => v.Kind).ToDictionary(g => g.Key, g => g.Sum(v => v.Count));
        if (!hasTemplateFile && counts.TryGetValue(ViolationKind.Prompt, out var prompts))
        {
            var only = report.ErrorCount == prompts ? "every error is a prompt" : $"{prompts:N0} error(s) are prompts";
            yield return $"hint: {only} that matches no built-in template; if the files were written with prepare --template-file, pass the same file: validate --template-file FILE.";
        }
        if (counts.TryGetValue(ViolationKind.Overlap, out var overlaps))
            yield return $"hint: {overlaps:N0} test task(s) repeat a train task; prepare --dedupe drops repeated tasks before the split.";
    }
}
