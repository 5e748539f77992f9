using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Solving;

public sealed class CountdownSolverTests
{
    [Fact]
    public void Solve_RandomSmallTasks_AgreesWithBruteForceUnderBothRules()
    {
        // Arrange: small numbers and targets, so many tasks are unsolvable and some need fractions.
        var random = new SplitMix64(2024);
        var tasks = Enumerable.Range(0, 400).Select(_ => RandomTask(ref random, 1, 4, 0, 12, -5, 40)).ToArray();

        // Act
        var results = tasks.Select(t => CountdownSolver.Solve(t)).ToArray();

        // Assert
        for (var i = 0; i < tasks.Length; i++)
        {
            var task = tasks[i];
            Assert.Equal(SolverBruteForce.Solvable(task.Nums, task.Target, integer: false), results[i].SolvableReward);
            Assert.Equal(SolverBruteForce.Solvable(task.Nums, task.Target, integer: true), results[i].SolvableInteger);
        }

        Assert.Contains(results, r => r.SolvableReward && !r.SolvableInteger);
        Assert.Contains(results, r => !r.SolvableReward);
        Assert.Contains(results, r => r.SolvableInteger);
    }

    [Fact]
    public void Solve_EverySolution_ScoresOneUnderAnIndependentRewardEvaluator()
    {
        var random = new SplitMix64(77);
        var tasks = Enumerable.Range(0, 1000).Select(_ => RandomTask(ref random, 2, 5, 1, 99, 0, 120)).ToArray();

        var results = CountdownSolver.SolveAll(tasks);

        Assert.Contains(results, r => r.SolvableReward);
        for (var i = 0; i < tasks.Length; i++)
        {
            Assert.Equal(results[i].SolvableReward, results[i].Solution is not null);
            if (results[i].Solution is { } solution)
            {
                Assert.True(SolverRewardEvaluator.Scores(solution, tasks[i].Nums, tasks[i].Target),
                    $"'{solution}' does not score for {tasks[i]}.");
            }
        }
    }

    [Fact]
    public void Solve_IntegerSolvable_SolutionKeepsEveryStepANonNegativeInteger()
    {
        var random = new SplitMix64(5);
        var tasks = Enumerable.Range(0, 300).Select(_ => RandomTask(ref random, 3, 4, 1, 30, 1, 60)).ToArray();

        foreach (var task in tasks)
        {
            var result = CountdownSolver.Solve(task);
            if (!result.SolvableInteger) continue;
            foreach (var step in Subexpressions(result.Solution!))
            {
                Assert.True(SolverRewardEvaluator.Evaluate(step).IsNonNegativeInteger, $"'{step}' in '{result.Solution}'.");
            }
        }
    }

    [Theory]
    [InlineData(100, new long[] { 1, 1, 1 })]
    [InlineData(5, new long[] { 2, 2 })]
    [InlineData(1000, new long[] { 9, 9, 9 })]
    [InlineData(7, new long[] { 0, 0, 0, 0 })]
    [InlineData(3, new long[] { })]
    public void Solve_HandMadeUnsolvable_ReportsUnsolvable(long target, long[] nums)
    {
        var result = CountdownSolver.Solve(new CountdownTask(target, nums));

        Assert.False(result.SolvableReward);
        Assert.False(result.SolvableInteger);
        Assert.Null(result.Solution);
    }

    [Fact]
    public void Solve_OnlyAFractionReaches_SolvableUnderRewardOnly()
    {
        // 24 from 1, 3, 4, 6 needs 6 / (1 - 3 / 4).
        var task = new CountdownTask(24, [1, 3, 4, 6]);

        var result = CountdownSolver.Solve(task);

        Assert.True(result.SolvableReward);
        Assert.False(result.SolvableInteger);
        Assert.True(SolverRewardEvaluator.Scores(result.Solution!, task.Nums, task.Target), result.Solution);
    }

    [Fact]
    public void Solve_NegativeTarget_SolvableUnderRewardOnly()
    {
        var result = CountdownSolver.Solve(new CountdownTask(-1, [1, 2]));

        Assert.Equal(new SolveResult(true, false, "1 - 2"), result);
    }

    [Fact]
    public void Solve_NegativeNumber_UnsolvableBecauseTheRewardReadsDigitsOnly()
    {
        var result = CountdownSolver.Solve(new CountdownTask(5, [-5, 10]));

        Assert.Equal(SolveResult.Unsolvable, result);
    }

    [Theory]
    [InlineData(7, new long[] { 7 }, "7")]
    [InlineData(28, new long[] { 95, 11, 56 }, "(95 - 11) - 56")]
    public void Solve_KnownTask_GivesThisSolution(long target, long[] nums, string expected)
        => Assert.Equal(expected, CountdownSolver.Solve(new CountdownTask(target, nums)).Solution);

    [Theory]
    [InlineData(new long[] { 3_000_000_000_000_000_000, 3, 2 }, 6_000_000_000_000_000_003)]
    [InlineData(new long[] { long.MaxValue, long.MaxValue, long.MaxValue, 2 }, long.MaxValue)]
    [InlineData(new long[] { long.MaxValue, 1, 1 }, 0)]
    public void Solve_NumbersBeyond64BitProducts_StaysExact(long[] nums, long target)
    {
        var task = new CountdownTask(target, nums);

        var result = CountdownSolver.Solve(task, computeDifficulty: true);

        Assert.Equal(SolverBruteForce.Solvable(nums, target, integer: false), result.SolvableReward);
        Assert.Equal(SolverBruteForce.Solvable(nums, target, integer: true), result.SolvableInteger);
        Assert.True(result.SolvableReward);
        Assert.True(SolverRewardEvaluator.Evaluate(result.Solution!).Equals(target), result.Solution);
        Assert.Equal(SolverBruteForce.CountSequences(nums, target).Reaching, result.ReachingSequences);
    }

    [Fact]
    public void Solve_MoreThanSixNumbers_ThrowsUsageException()
    {
        var error = Assert.Throws<UsageException>(() => CountdownSolver.Solve(new CountdownTask(10, [1, 2, 3, 4, 5, 6, 7])));

        Assert.Equal("A task holds '7' numbers but the solver handles at most 6; drop larger tasks before solving.", error.Message);
    }

    [Fact]
    public void SolveAll_ManyTasks_MatchesSolveOneByOne()
    {
        var random = new SplitMix64(9);
        var tasks = Enumerable.Range(0, 5000).Select(_ => RandomTask(ref random, 1, 4, 0, 40, 0, 100)).ToArray();

        var all = CountdownSolver.SolveAll(tasks, new SolveOptions { ComputeDifficulty = true });

        Assert.Equal(tasks.Select(t => CountdownSolver.Solve(t, computeDifficulty: true)), all);
    }

    [Fact]
    public void SolveAll_Cancelled_Throws()
    {
        var tasks = Enumerable.Repeat(new CountdownTask(10, [1, 2, 3, 4]), 10_000).ToArray();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CountdownSolver.SolveAll(tasks, cancelled.Token));
    }

    private static CountdownTask RandomTask(ref SplitMix64 random, int minCount, int maxCount, long minValue, long maxValue, long minTarget, long maxTarget)
    {
        var nums = new long[random.NextInRange(minCount, maxCount)];
        for (var i = 0; i < nums.Length; i++) nums[i] = random.NextInRange(minValue, maxValue);
        return new CountdownTask(random.NextInRange(minTarget, maxTarget), nums);
    }

    // Every parenthesized part of a solution, plus the whole.
    private static IEnumerable<string> Subexpressions(string solution)
    {
        var open = new Stack<int>();
        for (var i = 0; i < solution.Length; i++)
        {
            if (solution[i] == '(')
            {
                open.Push(i);
            }
            else if (solution[i] == ')')
            {
                var start = open.Pop();
                yield return solution.Substring(start + 1, i - start - 1);
            }
        }

        yield return solution;
    }
}
