using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Validation;

namespace Countdown.Preprocess.Tests.Validation;

public sealed class PreparedFileValidatorTests
{
    private static readonly IReadOnlyList<CountdownTask> TrainTasks = ValidationTestFiles.Tasks.Take(3).ToArray();

    [Fact]
    public async Task ValidateAsync_ValidFolder_PassesAndCountsTemplates()
    {
        using var folder = new TempDirectory();
        ValidationTestFiles.Write(folder.File("train.parquet"), ValidationTestFiles.Rows(TrainTasks, "train", PromptTemplates.Chat));
        ValidationTestFiles.Write(folder.File("test.parquet"), ValidationTestFiles.Rows(ValidationTestFiles.Tasks.Skip(4), "test", PromptTemplates.Chat));

        var report = await PreparedFileValidator.ValidateAsync([folder.Path]);

        Assert.True(report.Passed(strict: true), Messages(report));
        Assert.Equal(["train", "test"], report.Files.Select(f => f.Split));
        Assert.Equal([3L, 1L], report.Files.Select(f => f.RowCount));
        Assert.Equal(new KeyValuePair<string, long>("chat", 3), Assert.Single(report.Files[0].TemplateRows));
    }

    [Theory]
    [InlineData("base")]
    [InlineData("qwen-instruct")]
    public async Task ValidateAsync_TinyZeroTemplatesWithSolutionsInSeveralRowGroups_Passes(string template)
    {
        using var folder = new TempDirectory();
        var path = folder.File("train.parquet");
        ValidationTestFiles.Write(path, ValidationTestFiles.Rows(ValidationTestFiles.Tasks, "train", PromptTemplates.Get(template), withSolution: true),
            new PreparedTestLayout { WithSolution = true, RowGroupSize = 2 });

        var report = await PreparedFileValidator.ValidateAsync([path]);

        Assert.True(report.Passed(strict: true), Messages(report));
        Assert.Equal(5, report.RowCount);
        Assert.Equal(new KeyValuePair<string, long>(template, 5), Assert.Single(report.Files[0].TemplateRows));
    }

    [Theory]
    [InlineData("target int32", ViolationKind.Schema, null, "target", 1)]
    [InlineData("missing column", ViolationKind.Schema, null, "ability", 1)]
    [InlineData("reordered columns", ViolationKind.Schema, null, null, 1)]
    [InlineData("extra column", ViolationKind.Schema, null, "extra_column", 1)]
    [InlineData("null list element", ViolationKind.Null, 1L, "nums[1]", 1)]
    [InlineData("null string", ViolationKind.Null, 2L, "data_source", 1)]
    [InlineData("wrong data_source", ViolationKind.Constant, 0L, "data_source", 1)]
    [InlineData("wrong ability", ViolationKind.Constant, 2L, "ability", 1)]
    [InlineData("wrong style", ViolationKind.Constant, 1L, "reward_model.style", 1)]
    [InlineData("wrong split", ViolationKind.Split, 1L, "extra_info.split", 1)]
    [InlineData("index gap", ViolationKind.Index, 1L, "extra_info.index", 2)]
    [InlineData("nums differ", ViolationKind.Nums, 2L, "nums", 1)]
    [InlineData("target differs", ViolationKind.Target, 0L, "target", 1)]
    [InlineData("prompt differs", ViolationKind.Prompt, 1L, "prompt[1].content", 1)]
    [InlineData("no huggingface metadata", ViolationKind.Metadata, null, "huggingface", 1)]
    public async Task ValidateAsync_OneDefect_ReportsOnlyThatKindWithRowAndField(string defect, ViolationKind kind, long? row, string? field, long count)
    {
        using var folder = new TempDirectory();
        var path = folder.File("train.parquet");
        var rows = ValidationTestFiles.Rows(TrainTasks, "train", PromptTemplates.Chat);
        var layout = new PreparedTestLayout();
        switch (defect)
        {
            case "target int32": layout = layout with { TargetAsInt32 = true }; break;
            case "missing column": layout = layout with { Columns = PreparedTestLayout.ContractColumns.Where(c => c != "ability").ToArray() }; break;
            case "reordered columns": layout = layout with { Columns = ["target", "data_source", "nums", "prompt", "ability", "reward_model", "extra_info"] }; break;
            case "extra column": layout = layout with { Columns = [.. PreparedTestLayout.ContractColumns, "extra_column"] }; break;
            case "null list element": rows[1] = rows[1] with { Nums = [7, null, 1, 9] }; break;
            case "null string": rows[2] = rows[2] with { DataSource = null }; break;
            case "wrong data_source": rows[0] = rows[0] with { DataSource = "gsm8k" }; break;
            case "wrong ability": rows[2] = rows[2] with { Ability = "code" }; break;
            case "wrong style": rows[1] = rows[1] with { Style = "model" }; break;
            case "wrong split": rows[1] = rows[1] with { Split = "test" }; break;
            case "index gap": rows[1] = rows[1] with { Index = 2 }; rows[2] = rows[2] with { Index = 3 }; break;
            case "nums differ": rows[2] = rows[2] with { Nums = [35, 19, 44] }; break;
            case "target differs": rows[0] = rows[0] with { Target = 29 }; break;
            case "prompt differs": rows[1] = rows[1] with { Prompt = PromptTemplates.Chat.Render(new CountdownTask(65, [7, 8, 1, 9])) }; break;
            case "no huggingface metadata": layout = layout with { WithHuggingFaceMetadata = false }; break;
            default: throw new ArgumentOutOfRangeException(nameof(defect), defect, "no such defect");
        }
        ValidationTestFiles.Write(path, rows, layout);

        var report = await PreparedFileValidator.ValidateAsync([path]);

        var summary = Assert.Single(Assert.Single(report.Files).Violations);
        Assert.Equal(kind, summary.Kind);
        Assert.Equal(count, summary.Count);
        var first = summary.Samples[0];
        Assert.Equal((path, row, field), (first.File, first.Row, first.Field));
        Assert.False(report.Passed(strict: false));
    }

    [Fact]
    public async Task ValidateAsync_Defects_MessagesNameRowFieldAndFix()
    {
        using var folder = new TempDirectory();
        var path = folder.File("train.parquet");
        var rows = ValidationTestFiles.Rows(TrainTasks, "train", PromptTemplates.Base);
        rows[0] = rows[0] with { Index = 5 };
        rows[1] = rows[1] with { Prompt = [new ChatMessage("user", rows[1].Prompt![0].Content.Replace("equals 64", "equals 65"))] };
        rows[2] = rows[2] with { Nums = [44, 35, 19] };
        ValidationTestFiles.Write(path, rows);

        var report = await PreparedFileValidator.ValidateAsync([path]);

        Assert.Equal(
        [
            "Row 0 has 'extra_info.index' '5'; expected '0', as indexes run 0..n-1 in file order.",
            "Row 2 has 'nums' '[44, 35, 19]' but 'reward_model.ground_truth.numbers' '[44, 19, 35]'; they must be equal.",
            "Row 1 has a 'prompt' that matches none of the templates base, qwen-instruct, chat rendered from its ground truth; it is closest to 'base', whose message 0 differs at character 279: '5. You can use basic ari' instead of '4. You can use basic ari'.",
        ], report.Files[0].Violations.SelectMany(v => v.Samples).Select(v => v.Message));
    }

    [Fact]
    public async Task ValidateAsync_TestTaskRepeatedInTrain_WarnsAndFailsOnlyWhenStrict()
    {
        using var folder = new TempDirectory();
        ValidationTestFiles.Write(folder.File("train.parquet"), ValidationTestFiles.Rows(TrainTasks, "train", PromptTemplates.Chat));
        ValidationTestFiles.Write(folder.File("test.parquet"), ValidationTestFiles.Rows(ValidationTestFiles.Tasks.Skip(3), "test", PromptTemplates.Chat));

        var report = await PreparedFileValidator.ValidateAsync([folder.Path]);

        var overlap = Assert.Single(report.Files[1].Violations);
        Assert.Equal((ViolationKind.Overlap, Severity.Warning, 1L), (overlap.Kind, overlap.Severity, overlap.Count));
        Assert.Equal(
            $"Test row 0 has the task of row 0 of '{folder.File("train.parquet")}' (target 28, numbers [11, 56, 95] in some order); test scores on repeated tasks overstate generalisation.",
            overlap.Samples[0].Message);
        Assert.Empty(report.Files[0].Violations);
        Assert.True(report.Passed(strict: false));
        Assert.False(report.Passed(strict: true));
    }

    [Fact]
    public async Task ValidateAsync_OtherFileName_RequiresOneSplitWithinTheFile()
    {
        using var folder = new TempDirectory();
        var path = folder.File("holdout.parquet");
        var rows = ValidationTestFiles.Rows(TrainTasks, "eval", PromptTemplates.Chat);
        rows[2] = rows[2] with { Split = "test" };
        ValidationTestFiles.Write(path, rows);

        var report = await PreparedFileValidator.ValidateAsync([path]);

        var split = Assert.Single(report.Files[0].Violations);
        Assert.Equal("Row 2 has 'extra_info.split' 'test' but row 0 has 'eval'; a file holds one split.", split.Samples[0].Message);
        Assert.Equal("eval", report.Files[0].Split);
    }

    [Fact]
    public async Task ValidateAsync_ManyViolationsOfOneKind_KeepsTwentyAndCountsAll()
    {
        using var folder = new TempDirectory();
        var path = folder.File("train.parquet");
        var tasks = Enumerable.Range(0, 25).Select(i => new CountdownTask(i, [i, 1])).ToArray();
        var rows = ValidationTestFiles.Rows(tasks, "train", PromptTemplates.Chat).Select(r => r with { Ability = "code" }).ToList();
        ValidationTestFiles.Write(path, rows);

        var report = await PreparedFileValidator.ValidateAsync([path]);

        var summary = Assert.Single(report.Files[0].Violations);
        Assert.Equal(25, summary.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long?)i), summary.Samples.Select(s => s.Row));
    }

    [Fact]
    public async Task ValidateAsync_CustomTemplateInOptions_AcceptsItsPrompts()
    {
        using var folder = new TempDirectory();
        var path = folder.File("train.parquet");
        var custom = new TextTemplate("mine.json", isChatStyle: true, [new ChatMessage("user", "Reach {target} with {numbers}.")]);
        ValidationTestFiles.Write(path, ValidationTestFiles.Rows(TrainTasks, "train", custom));

        var without = await PreparedFileValidator.ValidateAsync([path]);
        var with = await PreparedFileValidator.ValidateAsync([path], new ValidationOptions { Templates = [.. PromptTemplates.All, custom] });

        Assert.Equal(3, Assert.Single(without.Files[0].Violations, v => v.Kind == ViolationKind.Prompt).Count);
        Assert.True(with.Passed(strict: true), Messages(with));
    }

    [Fact]
    public async Task ValidateAsync_NotParquet_ReportsFileViolation()
    {
        using var folder = new TempDirectory();
        var path = folder.File("train.parquet");
        await File.WriteAllTextAsync(path, "target,nums\n1,2\n");

        var report = await PreparedFileValidator.ValidateAsync([path]);

        var summary = Assert.Single(report.Files[0].Violations);
        Assert.Equal(ViolationKind.File, summary.Kind);
        Assert.StartsWith($"'{path}' is not a readable Parquet file", summary.Samples[0].Message);
    }

    [Fact]
    public async Task ValidateAsync_FolderWithoutTest_ThrowsInputFileException()
    {
        using var folder = new TempDirectory();
        ValidationTestFiles.Write(folder.File("train.parquet"), ValidationTestFiles.Rows(TrainTasks, "train", PromptTemplates.Chat));

        var error = await Assert.ThrowsAsync<InputFileException>(() => PreparedFileValidator.ValidateAsync([folder.Path]));

        Assert.Equal($"Folder '{folder.Path}' has no test.parquet; give a folder that prepare wrote, or name the files to check.", error.Message);
    }

    private static string Messages(ValidationReport report)
        => string.Join("\n", report.Files.SelectMany(f => f.Violations).SelectMany(v => v.Samples).Select(v => v.Message));

    [Fact]
    public async Task ValidateAsync_DefectsAcrossRowGroupsWithANullInOne_ReportsEachAtItsFileRow()
    {
        // Row groups of two: group 0 flat (wrong ability at row 1), group 1 holds a null (the generic path), group 2
        // flat again (target differs at row 4): row numbers must run on across the two paths.
        using var folder = new TempDirectory();
        var path = folder.File("train.parquet");
        var rows = ValidationTestFiles.Rows(ValidationTestFiles.Tasks, "train", PromptTemplates.Chat);
        rows[1] = rows[1] with { Ability = "code" };
        rows[2] = rows[2] with { DataSource = null };
        rows[4] = rows[4] with { Target = 1234 };
        ValidationTestFiles.Write(path, rows, new PreparedTestLayout { RowGroupSize = 2 });

        var report = await PreparedFileValidator.ValidateAsync([path]);

        var found = report.Files[0].Violations.SelectMany(v => v.Samples).Select(v => (v.Kind, v.Row, v.Field)).Order().ToArray();
        Assert.Equal([(ViolationKind.Null, 2L, "data_source"), (ViolationKind.Constant, 1L, "ability"), (ViolationKind.Target, 4L, "target")],
            found.OrderBy(f => f.Kind).ToArray());
        Assert.Equal(5, report.RowCount);
    }
}
