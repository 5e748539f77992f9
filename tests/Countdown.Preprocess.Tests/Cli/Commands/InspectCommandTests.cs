using System.Text.Json;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class InspectCommandTests
{
    [Fact]
    public async Task Inspect_PreparedParquet_PrintsApprovedText()
    {
        using var folder = new TempDirectory();
        var path = folder.File("train.parquet");
        ValidationTestFiles.Write(path, ValidationTestFiles.Rows(ValidationTestFiles.Tasks.Take(3), "train", PromptTemplates.Base));

        var (exit, output, error) = await RunAsync("inspect", path, "--rows", "2", "--offset", "1");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal(Approved.ReplaceLineEndings("\n"), output.Replace(folder.Path, "<dir>"));
    }

    [Fact]
    public async Task Inspect_Json_PrintsOnlyOneJsonObjectPerRow()
    {
        using var folder = new TempDirectory();
        var path = folder.File("train.parquet");
        ValidationTestFiles.Write(path, ValidationTestFiles.Rows(ValidationTestFiles.Tasks, "train", PromptTemplates.Chat));

        var (exit, output, _) = await RunAsync("inspect", path, "--json", "--quiet");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(28, first.RootElement.GetProperty("target").GetInt64());
        Assert.Equal("system", first.RootElement.GetProperty("prompt")[0].GetProperty("role").GetString());
        Assert.Equal("train", first.RootElement.GetProperty("extra_info").GetProperty("split").GetString());
        Assert.Equal([0L, 1L, 2L], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("extra_info").GetProperty("index").GetInt64()));
    }

    [Fact]
    public async Task Inspect_Jsonl_PrintsInferredSchemaAndRows()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.jsonl");
        await File.WriteAllTextAsync(path, "{\"target\": 28, \"nums\": [95, 11, 56]}\n{\"target\": 64, \"nums\": [7, 8, 1, 9]}\n");

        var (exit, output, _) = await RunAsync("inspect", path, "--rows", "1");

        Assert.Equal(0, exit);
        Assert.Equal($"""
            File:        {path}
            Format:      JSON Lines
            Rows:        2

            Schema (inferred):
              target: int64 not null
              nums: list<item: int64 not null> not null

            Row 0:
              target: 28
              nums: [95, 11, 56]

            """.ReplaceLineEndings("\n"), output);
    }

    [Fact]
    public async Task Inspect_MissingFile_ExitsInputUnreadable()
    {
        var (exit, output, error) = await RunAsync("inspect", "no/such/file.parquet");

        Assert.Equal(ExitCodes.InputUnreadable, exit);
        Assert.Equal("", output);
        Assert.Equal("error: File 'no/such/file.parquet' does not exist; check the path.\n", error);
    }

    [Fact]
    public async Task Inspect_NegativeRows_ExitsInvalidOption()
    {
        var (exit, _, error) = await RunAsync("inspect", "any.parquet", "--rows", "-1");

        Assert.Equal(ExitCodes.InvalidOption, exit);
        Assert.Equal("error: --rows '-1' is negative; give 0 or more rows to show.\n", error);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await CountdownCli.RunAsync(args, new CliConsole(output, error, false));
        return (exit, output.ToString(), error.ToString());
    }

    private const string Approved = """
        File:        <dir>/train.parquet
        Format:      Parquet
        Rows:        3
        Row groups:  1 (3 rows)
        Compression: SNAPPY
        Created by:  parquet-cpp-arrow version 25.0.1
        Metadata:    huggingface (627 chars), ARROW:schema (2,168 chars)

        Schema:
          target: int64
          nums: list<element: int64>
          data_source: string
          prompt: list<element: struct<content: string, role: string>>
          ability: string
          reward_model: struct<ground_truth: struct<numbers: list<element: int64>, target: int64>, style: string>
          extra_info: struct<index: int64, split: string>

        Row 1:
          target: 64
          nums: [7, 8, 1, 9]
          data_source: countdown
          prompt:
            - content: |
                A conversation between User and Assistant. The user asks a question, and the Assistant solves it. The assistant first thinks about the reasoning process in the mind and then provides the user with the answer.
                User: Using the numbers [7, 8, 1, 9], create an equation that equals 64. You can use basic arithmetic operations (+, -, *, /) and each number can only be used once. Show your work in <think> </think> tags. And return the final answer in <answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.
                Assistant: Let me solve this step by step.
                <think>
              role: user
          ability: math
          reward_model:
            ground_truth:
              numbers: [7, 8, 1, 9]
              target: 64
            style: rule
          extra_info:
            index: 1
            split: train

        Row 2:
          target: 98
          nums: [44, 19, 35]
          data_source: countdown
          prompt:
            - content: |
                A conversation between User and Assistant. The user asks a question, and the Assistant solves it. The assistant first thinks about the reasoning process in the mind and then provides the user with the answer.
                User: Using the numbers [44, 19, 35], create an equation that equals 98. You can use basic arithmetic operations (+, -, *, /) and each number can only be used once. Show your work in <think> </think> tags. And return the final answer in <answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.
                Assistant: Let me solve this step by step.
                <think>
              role: user
          ability: math
          reward_model:
            ground_truth:
              numbers: [44, 19, 35]
              target: 98
            style: rule
          extra_info:
            index: 2
            split: train

        """;
}
