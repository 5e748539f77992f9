using System.Numerics;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Solving;

/// <summary>One thread's search state, in the narrowest integer type that cannot overflow for the task at hand.</summary>
internal sealed class SolverWorkspace
{
    // Unreduced fractions over k numbers stay below 2^(k-1) * prod(max(|n|, 1)); comparing with the target
    // multiplies by |target| once more. Stay one bit under the type's width.
    private const int LongBits = 62;
    private const int Int128Bits = 126;

    [ThreadStatic] private static SolverWorkspace? s_current;

    private readonly ExpressionSearch<long> _long = new();
    private ExpressionSearch<Int128>? _int128;
    private ExpressionSearch<BigInteger>? _big;

    /// <summary>The calling thread's workspace.</summary>
    public static SolverWorkspace Current => s_current ??= new SolverWorkspace();

    /// <summary>Solves one task whose count of numbers was already checked.</summary>
    public SolveResult Solve(CountdownTask task, bool computeDifficulty)
    {
        var nums = task.Nums;
        if (nums.Length == 0 || HasNegative(nums))
        {
            // No expression at all, or a number the reward's \d+ reading can never match.
            return computeDifficulty
                ? SolveResult.Unsolvable with { ReachingSequences = 0, TotalSequences = CountdownSolver.TotalSequences(nums.Length) }
                : SolveResult.Unsolvable;
        }

        var bits = BitsNeeded(nums, task.Target);
        return bits <= LongBits ? Solve(_long, task, computeDifficulty)
            : bits <= Int128Bits ? Solve(_int128 ??= new(), task, computeDifficulty)
            : Solve(_big ??= new(), task, computeDifficulty);
    }

    private static SolveResult Solve<T>(ExpressionSearch<T> search, CountdownTask task, bool computeDifficulty)
        where T : IBinaryInteger<T>
    {
        search.Load(task.Nums, task.Target);
        SolveResult result;
        if (search.SearchInteger()) result = new SolveResult(true, true, search.FormatSolution());
        else if (search.SearchRational()) result = new SolveResult(true, false, search.FormatSolution());
        else result = SolveResult.Unsolvable;

        if (!computeDifficulty) return result;
        search.Load(task.Nums, task.Target);
        return result with
        {
            ReachingSequences = search.CountReaching(),
            TotalSequences = CountdownSolver.TotalSequences(task.Nums.Length),
        };
    }

    private static bool HasNegative(long[] nums)
    {
        foreach (var n in nums)
        {
            if (n < 0) return true;
        }

        return false;
    }

    private static int BitsNeeded(long[] nums, long target)
    {
        var bits = nums.Length - 1 + BitLength(target);
        foreach (var n in nums) bits += BitLength(n);
        return bits;
    }

    // Bits of max(|value|, 1); long.MinValue's magnitude is 2^63, which needs 64.
    private static int BitLength(long value)
    {
        var magnitude = value == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(value);
        return 64 - BitOperations.LeadingZeroCount(Math.Max(magnitude, 1UL));
    }
}
