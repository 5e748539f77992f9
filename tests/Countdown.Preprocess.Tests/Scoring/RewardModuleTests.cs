using System.Text;
using System.Text.Json;
using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Scoring;

/// <summary>The emitted <c>countdown_reward.py</c>, run under <c>python3</c>: the same behaviour as the C# scorer.</summary>
public sealed class RewardModuleTests
{
    [Fact]
    public void PythonSource_Embedded_IsTheModuleWithComputeScore()
    {
        var source = RewardModule.PythonSource;

        Assert.Contains("def compute_score(data_source, solution_str, ground_truth, extra_info=None, strict=True, **kwargs):", source);
        Assert.DoesNotContain("\r", source);
        Assert.DoesNotContain("eval(", source);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Countdown.Preprocess", "Scoring", RewardModule.FileName)).ReplaceLineEndings("\n"), source);
    }

    [Fact]
    public async Task WriteAsync_Stream_WritesUtf8WithoutByteOrderMark()
    {
        using var stream = new MemoryStream();

        await RewardModule.WriteAsync(stream);

        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(RewardModule.PythonSource, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Module_Imports_StandardLibraryOnlyAndPython38Syntax()
    {
        using var folder = new ScoringTempDirectory();
        var module = await ScoringPython.WriteModuleAsync(folder.Path);
        const string check = """
            import ast, sys
            tree = ast.parse(open(sys.argv[1], encoding="utf-8").read(), feature_version=(3, 8))
            names = set()
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom):
                    names.add(node.module.split(".")[0])
            stdlib = getattr(sys, "stdlib_module_names", {"json", "re", "sys"})
            print(" ".join(sorted(names)), all(name in stdlib for name in names))
            """;

        var output = await ScoringPython.RunAsync(["-c", check, module]);

        Assert.Equal("json re sys True", output.Trim());
    }

    [Theory]
    [InlineData("strict")]
    [InlineData("lenient")]
    [InlineData("tinyzero")]
    public async Task Module_Corpus_AgreesWithCSharpOnEveryField(string mode)
    {
        using var folder = new ScoringTempDirectory();
        var module = await ScoringPython.WriteModuleAsync(folder.Path);
        var logs = mode == "tinyzero";
        var rows = ScoringTestFiles.WriteCorpusRows(folder.Path, logs);
        string[] arguments = mode switch
        {
            "strict" => [module, "--strict", "true"],
            "lenient" => [module, "--strict", "false"],
            _ => [module, "--mode", "tinyzero"],
        };
        var options = mode switch
        {
            "strict" => new ScoreOptions { Strict = true },
            "lenient" => new ScoreOptions { Strict = false },
            _ => new ScoreOptions { Mode = ScoringMode.TinyZero },
        };

        var output = await ScoringPython.RunAsync(arguments, await File.ReadAllTextAsync(rows));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ScoringTestFiles.Corpus.Count, lines.Length);
        var wrong = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var c = ScoringTestFiles.Corpus[i];
            using var document = JsonDocument.Parse(lines[i]);
            var python = ExpectedRating.FromJson(document.RootElement);
            var csharp = ExpectedRating.Of(RewardScorer.Score(logs ? c.Log : c.Response, c.Target, c.Nums, options));
            var expected = mode switch { "strict" => c.Strict, "lenient" => c.Lenient, _ => c.TinyZero };
            if (python != csharp || python != expected)
                wrong.Add($"{c.Id} ({c.Note}): python {python}, C# {csharp}, expected {expected}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task ComputeScore_AsVerlCallsIt_ReturnsTheSameFloatKeysEveryTime()
    {
        using var folder = new ScoringTempDirectory();
        var module = await ScoringPython.WriteModuleAsync(folder.Path);
        // numpy's scalars and arrays, as veRL's reward_model column holds them, without numpy itself.
        const string script = """
            import importlib.util, json, sys
            spec = importlib.util.spec_from_file_location("countdown_reward", sys.argv[1])
            m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
            class Int64:
                def __init__(self, v): self.v = v
                def item(self): return self.v
                def __index__(self): return self.v
            class Array:
                def __init__(self, v): self.v = v
                def tolist(self): return list(self.v)
                def __iter__(self): return iter(Int64(x) for x in self.v)
            truth = {"target": Int64(8), "numbers": Array([2, 3])}
            calls = [
                dict(data_source="countdown", solution_str="<think>x</think><answer>2**3</answer>", ground_truth=truth, extra_info={"index": 0}),
                dict(data_source="countdown", solution_str="<answer>2**3</answer>", ground_truth=truth, extra_info=None, strict=False),
                dict(data_source="countdown", solution_str="<answer>2**3</answer>", ground_truth={"target": 8, "numbers": [2, 3]}, strict="false"),
                dict(data_source="countdown", solution_str="no answer", ground_truth=json.dumps({"target": 8, "numbers": [2, 3]})),
                dict(data_source="countdown", solution_str="<answer>(1+2)*3</answer>", ground_truth={"target": 9.0, "numbers": (1, 2, 3)}),
            ]
            for call in calls:
                result = m.compute_score(**call)
                print(json.dumps([sorted(result), [type(v).__name__ for _, v in sorted(result.items())], [v for _, v in sorted(result.items())]]))
            """;

        var output = await ScoringPython.RunAsync(["-c", script, module]);

        Assert.Equal(
            """
            [["acc", "flagged", "formatted", "score"], ["float", "float", "float", "float"], [0.0, 1.0, 1.0, 0.1]]
            [["acc", "flagged", "formatted", "score"], ["float", "float", "float", "float"], [1.0, 1.0, 1.0, 1.0]]
            [["acc", "flagged", "formatted", "score"], ["float", "float", "float", "float"], [1.0, 1.0, 1.0, 1.0]]
            [["acc", "flagged", "formatted", "score"], ["float", "float", "float", "float"], [0.0, 0.0, 0.0, 0.0]]
            [["acc", "flagged", "formatted", "score"], ["float", "float", "float", "float"], [1.0, 0.0, 1.0, 1.0]]
            """, output.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ComputeScore_HostileInput_FinishesInTimeWithoutEval()
    {
        using var folder = new ScoringTempDirectory();
        var module = await ScoringPython.WriteModuleAsync(folder.Path);
        const string script = """
            import importlib.util, json, sys, time
            spec = importlib.util.spec_from_file_location("countdown_reward", sys.argv[1])
            m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
            cases = [
                ("9**9**9**9", [9, 9, 9, 9]), ("(" * 10000 + "1+2" + ")" * 10000, [1, 2]), ("1" * 1000000, [1]),
                ("-" * 100000 + "3", [3]), ("+".join(["1"] * 50000), [1] * 50000), ("2**2**2**2**2**2", [2] * 6),
                ("<answer>" * 100000, [1]), ("()*" + "9**" * 50 + "9", [9] * 51),
            ]
            worst = 0.0
            for text, numbers in cases:
                for strict in (True, False):
                    start = time.perf_counter()
                    result = m.compute_score("countdown", "<answer>" + text + "</answer>", {"target": 3, "numbers": numbers}, strict=strict)
                    worst = max(worst, time.perf_counter() - start)
                    print(json.dumps(result))
            print(worst < 5.0)
            """;

        var output = await ScoringPython.RunAsync(["-c", script, module], timeoutSeconds: 300);

        var lines = output.Trim().Split('\n');
        Assert.Equal("True", lines[^1]);
        Assert.Equal("""{"score": 0.1, "acc": 0.0, "formatted": 1.0, "flagged": 1.0}""", lines[0]); // 9**9**9**9: refused, flagged
        Assert.Equal("""{"score": 0.1, "acc": 0.0, "formatted": 1.0, "flagged": 0.0}""", lines[2]); // 10,000 parentheses
        Assert.Equal("""{"score": 0.1, "acc": 0.0, "formatted": 1.0, "flagged": 0.0}""", lines[4]); // a megabyte of digits
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Countdown.Preprocess.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with Countdown.Preprocess.sln) is not above the test binaries.");
    }
}
