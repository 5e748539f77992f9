namespace Countdown.Preprocess.Reporting;

public static partial class HtmlReportWriter
{
    private static void WriteDistributions(Page page, DatasetReport report)
    {
        Section(page, "distributions", "Distributions",
            "How the tasks are spread: their targets, how many numbers each gives, and which number values occur.");
        Table(page, ["split", "tasks", "numbers per task", "targets", "numbers"], report.Splits.Select(s => (IReadOnlyList<string>)
        [
            Html.Escape(s.Name), Html.Count(s.Statistics.Records),
            Html.Escape(string.Join(", ", s.Statistics.TasksByNumberCount.Select(p => $"{p.Key}: {Html.Count(p.Value)}"))),
            Range(s.Statistics.MinTarget, s.Statistics.MaxTarget), Range(s.Statistics.MinNumber, s.Statistics.MaxNumber),
        ]), "num");
        Figure(page, "targets");
        Figure(page, "numbers-per-task");
        Figure(page, "number-values");
        EndSection(page);
    }

    private static void WriteSolving(Page page, DatasetReport report)
    {
        Section(page, "solving", "Solvability and difficulty",
            "The exact solver tries every expression: solvable means some expression using each number once reaches the target, under TinyZero's reward rule and under the stricter integer rule (whole, non-negative steps).");
        if (report.Splits.Any(s => s.Solving is null))
        {
            page.Text.Append("<p>Not solved: run without <code>--no-solve</code> to see solvability and difficulty.</p>\n");
            EndSection(page);
            return;
        }

        Table(page, ["split", "tasks solved", "solvable (reward)", "solvable (integer)", "unsolvable", "too many numbers to solve"], report.Splits.Select(s => (IReadOnlyList<string>)
        [
            Html.Escape(s.Name), Html.Count(s.Solving!.Tasks),
            $"{Html.Count(s.Solving.SolvableReward)} ({Html.Percent(s.Solving.SolvableReward, s.Solving.Tasks)})",
            $"{Html.Count(s.Solving.SolvableInteger)} ({Html.Percent(s.Solving.SolvableInteger, s.Solving.Tasks)})",
            Marked(s.Solving.Tasks - s.Solving.SolvableReward, "bad"), Html.Count(s.SkippedBySolver),
        ]), "num");
        Figure(page, "difficulty");
        foreach (var split in report.Splits)
        {
            Examples(page, $"Unsolvable tasks in {split.Name}", split.Unsolvable, "none: every task has a solution");
            Examples(page, $"Hardest solvable tasks in {split.Name}, with a solution", split.Hardest, "none");
        }

        EndSection(page);
    }

    private static void WriteDuplicates(Page page, DatasetReport report)
    {
        Section(page, "duplicates", "Duplicates and train/test overlap",
            "A duplicate repeats an earlier task's target and numbers, in the same order (exact) or another (reordered); --dedupe drops both. Overlap is a test task that is also in train, which makes test scores look better than they are.");
        Table(page, ["split", "tasks", "exact repeats", "reordered repeats", "dropped by --dedupe"], report.Splits.Select(s => (IReadOnlyList<string>)
        [
            Html.Escape(s.Name), Html.Count(s.Statistics.Records), Html.Count(s.Statistics.ExactDuplicates), Html.Count(s.Statistics.ReorderedDuplicates),
            $"{Marked(s.Statistics.Duplicates, "warn")} ({Html.Percent(s.Statistics.Duplicates, s.Statistics.Records)})",
        ]), "num");
        foreach (var split in report.Splits) Examples(page, $"Repeated tasks in {split.Name}", split.Duplicates, "none");
        if (report.Overlap is { } overlap)
        {
            page.Text.Append("<p>Test rows whose task is also in train: ").Append(Marked(overlap.OverlappingRows, "bad")).Append(" of ")
                .Append(Html.Count(overlap.TestRows)).Append(" (").Append(Html.Percent(overlap.OverlappingRows, overlap.TestRows)).Append(").</p>\n");
            Examples(page, "Test tasks also in train", overlap.Examples, "none");
        }
        else if (report.Kind == ReportInputKind.Prepared)
        {
            page.Text.Append("<p>Overlap not checked: the folder holds only one split.</p>\n");
        }

        EndSection(page);
    }

    private static void Examples(Page page, string title, IReadOnlyList<TaskExample> examples, string whenNone)
    {
        page.Text.Append("<h3>").Append(Html.Escape(title)).Append("</h3>\n");
        if (examples.Count == 0)
        {
            page.Text.Append("<p>").Append(Html.Escape(whenNone)).Append(".</p>\n");
            return;
        }

        Table(page, ["row", "target", "numbers", "note"], examples.Select(e => (IReadOnlyList<string>)
            [Html.Count(e.Row), Html.Escape(e.Task.Target.ToString(System.Globalization.CultureInfo.InvariantCulture)), Html.Escape(Html.List(e.Task.Nums)), $"<code>{Html.Escape(e.Note)}</code>"]));
    }

    private static string Marked(long count, string cssClass) => count == 0 ? "<span class=\"ok\">0</span>" : $"<span class=\"{cssClass}\">{Html.Count(count)}</span>";

    private static string Range(long? min, long? max) => min is { } low && max is { } high ? $"{Html.Count(low)} to {Html.Count(high)}" : "none";
}
