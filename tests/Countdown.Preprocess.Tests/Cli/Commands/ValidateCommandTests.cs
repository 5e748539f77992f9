using System.Text.Json;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_ValidFolder_PrintsVerdictAndExitsZero()
    {
        using var folder = new TempDirectory();
        WriteFolder(folder, leak: false);

        var (exit, output, _) = await RunAsync("validate", folder.Path);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal($"""
            {folder.File("train.parquet")}: 3 rows, split train, template chat (3 rows): OK
            {folder.File("test.parquet")}: 1 row, split test, template chat (1 row): OK
            PASSED: 2 files, 4 rows, OK.

            """.ReplaceLineEndings("\n"), output);
    }

    [Fact]
    public async Task Validate_Leak_WarnsAndFailsOnlyWithStrict()
    {
        using var folder = new TempDirectory();
        WriteFolder(folder, leak: true);

        var (lenient, lenientOutput, _) = await RunAsync("validate", folder.Path);
        var (strict, strictOutput, _) = await RunAsync("validate", folder.Path, "--strict");

        Assert.Equal(ExitCodes.Success, lenient);
        Assert.Equal(ExitCodes.ValidationFailed, strict);
        Assert.Contains($"  warning [overlap] Test row 0 has the task of row 0 of '{folder.File("train.parquet")}' (target 28, numbers [11, 56, 95] in some order)", lenientOutput);
        Assert.EndsWith("PASSED: 2 files, 4 rows, 0 errors, 1 warning.\nhint: 1 test task(s) repeat a train task; prepare --dedupe drops repeated tasks before the split.\n", lenientOutput);
        Assert.EndsWith("FAILED (--strict: warnings fail): 2 files, 4 rows, 0 errors, 1 warning.\nhint: 1 test task(s) repeat a train task; prepare --dedupe drops repeated tasks before the split.\n", strictOutput);
    }

    [Fact]
    public async Task Validate_TamperedFile_ListsViolationsAndExitsValidationFailed()
    {
        using var folder = new TempDirectory();
        var path = folder.File("train.parquet");
        var rows = ValidationTestFiles.Rows(ValidationTestFiles.Tasks.Take(3), "train", PromptTemplates.Chat);
        rows[2] = rows[2] with { Index = 7, Ability = null };
        ValidationTestFiles.Write(path, rows);

        var (exit, output, _) = await RunAsync("validate", path);

        Assert.Equal(ExitCodes.ValidationFailed, exit);
        Assert.Equal($"""
            {path}: 3 rows, split train, template chat (3 rows): 2 errors, 0 warnings
              error [null] Row 2 has a null 'ability'; prepared files hold no nulls.
              error [index] Row 2 has 'extra_info.index' '7'; expected '2', as indexes run 0..n-1 in file order.
            FAILED: 1 file, 3 rows, 2 errors, 0 warnings.

            """.ReplaceLineEndings("\n"), output);
    }

    [Fact]
    public async Task Validate_Json_PrintsOneDocument()
    {
        using var folder = new TempDirectory();
        WriteFolder(folder, leak: true);

        var (exit, output, _) = await RunAsync("validate", folder.Path, "--json", "--strict");

        Assert.Equal(ExitCodes.ValidationFailed, exit);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal((0, 1, 4), (root.GetProperty("errors").GetInt32(), root.GetProperty("warnings").GetInt32(), root.GetProperty("rows").GetInt32()));
        var test = root.GetProperty("reports")[1];
        Assert.Equal("test", test.GetProperty("split").GetString());
        var overlap = test.GetProperty("violations")[0];
        Assert.Equal(("overlap", "warning", 1), (overlap.GetProperty("kind").GetString(), overlap.GetProperty("severity").GetString(), overlap.GetProperty("count").GetInt32()));
        Assert.Equal(0, overlap.GetProperty("samples")[0].GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task Validate_TemplateFile_AcceptsCustomPrompts()
    {
        using var folder = new TempDirectory();
        var templatePath = folder.File("mine.json");
        await File.WriteAllTextAsync(templatePath, """[{"role": "user", "content": "Reach {target} with {numbers}."}]""");
        var template = await TemplateFile.LoadAsync(templatePath, CancellationToken.None);
        var path = folder.File("train.parquet");
        ValidationTestFiles.Write(path, ValidationTestFiles.Rows(ValidationTestFiles.Tasks.Take(3), "train", template));

        var (without, _, _) = await RunAsync("validate", path);
        var (with, output, _) = await RunAsync("validate", path, "--template-file", templatePath);

        Assert.Equal(ExitCodes.ValidationFailed, without);
        Assert.Equal(ExitCodes.Success, with);
        Assert.StartsWith($"{path}: 3 rows, split train, template mine.json (3 rows): OK\n", output);
    }

    [Fact]
    public async Task Validate_BadTemplateFile_ExitsInputUnreadable()
    {
        using var folder = new TempDirectory();
        var templatePath = folder.File("bad.json");
        await File.WriteAllTextAsync(templatePath, "[]");

        var (exit, output, error) = await RunAsync("validate", folder.Path, "--template-file", templatePath);

        Assert.Equal(ExitCodes.InputUnreadable, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"error: Template file '{templatePath}' holds an empty list; it needs at least one message;", error);
    }

    [Fact]
    public async Task Validate_MissingPath_ExitsInputUnreadable()
    {
        var (exit, _, error) = await RunAsync("validate", "no/such/folder");

        Assert.Equal(ExitCodes.InputUnreadable, exit);
        Assert.Equal("error: 'no/such/folder' does not exist; give prepared Parquet files or the folder holding them.\n", error);
    }

    private static void WriteFolder(TempDirectory folder, bool leak)
    {
        ValidationTestFiles.Write(folder.File("train.parquet"), ValidationTestFiles.Rows(ValidationTestFiles.Tasks.Take(3), "train", PromptTemplates.Chat));
        ValidationTestFiles.Write(folder.File("test.parquet"), ValidationTestFiles.Rows(ValidationTestFiles.Tasks.Skip(leak ? 3 : 4).Take(1), "test", PromptTemplates.Chat));
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await CountdownCli.RunAsync(args, new CliConsole(output, error, false));
        return (exit, output.ToString(), error.ToString());
    }
}
