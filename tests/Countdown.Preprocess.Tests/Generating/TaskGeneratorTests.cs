using Countdown.Preprocess.Generating;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Generating;

public sealed class TaskGeneratorTests
{
    [Theory]
    [InlineData(SolveRule.Reward)]
    [InlineData(SolveRule.Integer)]
    public void Generate_EitherRule_EveryTaskSolvableUnderIt(SolveRule rule)
    {
        var tasks = TaskGenerator.Generate(new GenerateOptions { Count = 10_000, Seed = 11, Rule = rule });

        var results = CountdownSolver.SolveAll(tasks);

        Assert.All(results, r => Assert.True(r.IsSolvable(rule)));
        foreach (var task in tasks.Take(150))
        {
            Assert.True(SolverBruteForce.Solvable(task.Nums, task.Target, rule == SolveRule.Integer), task.ToString());
        }
    }

    [Fact]
    public void Generate_CustomRanges_EveryTaskWithinThem()
    {
        var options = new GenerateOptions
        {
            Count = 10_000,
            Seed = 3,
            Numbers = new ValueRange(2, 5),
            Values = new ValueRange(0, 20),
            Targets = new ValueRange(-10, 10),
        };

        var tasks = TaskGenerator.Generate(options);

        Assert.Equal(10_000, tasks.Length);
        Assert.All(tasks, t =>
        {
            Assert.InRange(t.Nums.Length, 2, 5);
            Assert.All(t.Nums, n => Assert.InRange(n, 0, 20));
            Assert.InRange(t.Target, -10, 10);
        });
        Assert.Equal([2, 3, 4, 5], tasks.Select(t => t.Nums.Length).Distinct().Order());
        Assert.Contains(tasks, t => t.Target < 0);
        Assert.All(CountdownSolver.SolveAll(tasks), r => Assert.True(r.SolvableReward));
    }

    [Fact]
    public void Generate_SameSeed_SameTasks()
    {
        var options = new GenerateOptions { Count = 5000, Seed = 123 };

        var first = TaskGenerator.Generate(options);
        var second = TaskGenerator.Generate(options);

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentTasks()
        => Assert.NotEqual(
            Describe(TaskGenerator.Generate(new GenerateOptions { Count = 100, Seed = 1 })),
            Describe(TaskGenerator.Generate(new GenerateOptions { Count = 100, Seed = 2 })));

    [Fact]
    public void Generate_LargerCount_StartsWithTheSmallerCountsTasks()
    {
        var small = TaskGenerator.Generate(new GenerateOptions { Count = 1000, Seed = 5 });
        var large = TaskGenerator.Generate(new GenerateOptions { Count = 50_000, Seed = 5 });

        Assert.Equal(Describe(small), Describe(large.Take(1000)));
    }

    [Theory]
    [InlineData(SolveRule.Reward, "3-4", "1-99", "10-100", 0UL)]
    [InlineData(SolveRule.Integer, "3-4", "1-99", "10-100", 1UL)]
    [InlineData(SolveRule.Reward, "1-6", "0-20", "-10-10", 7UL)]
    [InlineData(SolveRule.Integer, "1-6", "0-12", "0-50", 8UL)]
    [InlineData(SolveRule.Reward, "2", "1000000-1000999", "1-2000000", 3UL)]
    [InlineData(SolveRule.Reward, "5-6", "7-7", "0-50", 5UL)]
    [InlineData(SolveRule.Reward, "1", "0-4294967296", "0-1000000", 2UL)]
    [InlineData(SolveRule.Integer, "2-4", "0-1000", "0-500000", 9UL)]
    public void Generate_AnyOptions_SameTasksAsThePlainAlgorithm(SolveRule rule, string numbers, string values, string targets, ulong seed)
    {
        // The fast draw (constant bounds, branch-free steps, multiply-first range check) against the documented
        // algorithm written plainly: any difference in a draw or an accepted try shows as a different task.
        var options = new GenerateOptions
        {
            Count = 3_000,
            Seed = seed,
            Rule = rule,
            Numbers = ValueRange.Parse(numbers, "--numbers"),
            Values = ValueRange.Parse(values, "--values"),
            Targets = ValueRange.Parse(targets, "--targets"),
        };

        var tasks = TaskGenerator.Generate(options);

        Assert.Equal(Describe(Enumerable.Range(0, options.Count).Select(i => GeneratorReference.Make(options, i))), Describe(tasks));
    }

    [Fact]
    public void Generate_Seed42_GivesTheGoldenTasks()
    {
        // Locks the documented algorithm: a change here changes every generated data set.
        var tasks = TaskGenerator.Generate(new GenerateOptions { Count = 4, Seed = 42 });

        Assert.Equal(GoldenSeed42, Describe(tasks));
    }

    [Theory]
    [InlineData(0, "3-4", "1-99", "10-100", SolveRule.Reward, "--count '0' is not a positive number; ask for at least 1 task.")]
    [InlineData(5, "0-4", "1-99", "10-100", SolveRule.Reward, "--numbers '0-4' is outside 1-6; a task needs at least 1 number and the solver handles at most 6.")]
    [InlineData(5, "3-7", "1-99", "10-100", SolveRule.Reward, "--numbers '3-7' is outside 1-6; a task needs at least 1 number and the solver handles at most 6.")]
    [InlineData(5, "3-4", "-5-5", "10-100", SolveRule.Reward, "--values '-5-5' includes negative numbers, which TinyZero's reward never reads back (it reads digits only); use values of 0 or more.")]
    [InlineData(5, "3", "1-5", "1000-2000", SolveRule.Reward, "No task of 3 number(s) from '1-5' can reach a target in '1000-2000' (the largest reachable magnitude is 125); change --targets, --values or --numbers.")]
    [InlineData(5, "1-3", "1-99", "200-300", SolveRule.Reward, "No task of 1 number(s) from '1-99' can reach a target in '200-300' (the largest reachable magnitude is 99); change --targets, --values or --numbers.")]
    [InlineData(5, "3-4", "1-99", "-20--10", SolveRule.Integer, "--targets '-20--10' is all negative but the integer rule never goes below 0; use targets of 0 or more, or --rule reward.")]
    [InlineData(5, "6", "1-1000000", "10-100", SolveRule.Reward, "--values '1-1000000' with --targets '10-100' and up to 6 numbers is too large to compute exactly in 64 bits; use smaller values, targets or fewer numbers.")]
    public void Generate_BadOptions_ThrowsUsageException(int count, string numbers, string values, string targets, SolveRule rule, string message)
    {
        var options = new GenerateOptions
        {
            Count = count,
            Numbers = ValueRange.Parse(numbers, "--numbers"),
            Values = ValueRange.Parse(values, "--values"),
            Targets = ValueRange.Parse(targets, "--targets"),
            Rule = rule,
        };

        var error = Assert.Throws<UsageException>(() => TaskGenerator.Generate(options));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Generate_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TaskGenerator.Generate(new GenerateOptions { Count = 100_000 }, cancelled.Token));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    public void LargestValue_SmallRanges_IsTheLargestMagnitudeAnyTaskReaches(int count, long max)
    {
        // Every multiset of `count` numbers from 0..max, brute forced under the reward rule.
        var largest = Multisets(count, max)
            .SelectMany(nums => SolverBruteForce.Reachable(nums, integer: false))
            .Max(f => Math.Abs((double)f.Num / (double)f.Den));

        Assert.Equal(largest, (double)TaskGenerator.LargestValue(count, max));
    }

    private static IEnumerable<long[]> Multisets(int count, long max)
        => count == 0
            ? [[]]
            : Multisets(count - 1, max).SelectMany(rest => Enumerable.Range(0, (int)max + 1)
                .Where(n => rest.Length == 0 || n >= rest[^1])
                .Select(n => rest.Append((long)n).ToArray()));

    private static readonly string[] GoldenSeed42 = ["94 [22, 63, 9]", "47 [93, 55, 9]", "54 [64, 14, 67, 71]", "97 [37, 78, 95, 39]"];

    private static string[] Describe(IEnumerable<CountdownTask> tasks)
        => tasks.Select(t => $"{t.Target} [{string.Join(", ", t.Nums)}]").ToArray();

    [Fact]
    public async Task GenerateBatchesAsync_SmallBatches_SameTasksInOrderAsGenerate()
    {
        var options = new GenerateOptions { Count = 10_007, Seed = 3 };
        var whole = TaskGenerator.Generate(options);

        var batches = new List<CountdownTask[]>();
        await foreach (var batch in TaskGenerator.GenerateBatchesAsync(options, batchSize: 1_000)) batches.Add(batch);

        Assert.Equal(11, batches.Count);
        Assert.Equal(7, batches[^1].Length);
        Assert.Equal(Describe(whole), Describe(batches.SelectMany(b => b).ToArray()));
    }

    [Fact]
    public async Task GenerateBatchesAsync_ConsumerStopsEarly_ProducerEndsWithoutError()
    {
        var first = 0;
        await foreach (var batch in TaskGenerator.GenerateBatchesAsync(new GenerateOptions { Count = 1_000_000 }, batchSize: 100))
        {
            first = batch.Length;
            break;
        }

        Assert.Equal(100, first);
    }
}
