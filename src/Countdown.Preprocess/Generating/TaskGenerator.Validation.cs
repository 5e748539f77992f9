using System.Numerics;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Generating;

public static partial class TaskGenerator
{
    // Unreduced fractions over k numbers stay below 2^(k-1) * max^k; one bit under long's width.
    private const int MaxBits = 62;

    /// <summary>Checks the options and that every count of numbers can reach the target range.</summary>
    /// <exception cref="UsageException">The options cannot give a task.</exception>
    public static void Validate(GenerateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count <= 0)
        {
            throw new UsageException($"--count '{options.Count}' is not a positive number; ask for at least 1 task.");
        }

        var (numbers, values, targets) = (options.Numbers, options.Values, options.Targets);
        if (numbers.Min > numbers.Max || values.Min > values.Max || targets.Min > targets.Max)
        {
            throw new UsageException("A range starts above its end; write the smaller number first, e.g. '1-99'.");
        }

        if (numbers.Min < 1 || numbers.Max > CountdownSolver.MaxNumbers)
        {
            throw new UsageException(
                $"--numbers '{numbers}' is outside 1-{CountdownSolver.MaxNumbers}; a task needs at least 1 number and the solver handles at most {CountdownSolver.MaxNumbers}.");
        }

        if (values.Min < 0)
        {
            throw new UsageException(
                $"--values '{values}' includes negative numbers, which TinyZero's reward never reads back (it reads digits only); use values of 0 or more.");
        }

        var bits = (int)numbers.Max - 1 + (int)numbers.Max * BitLength(values.Max) + Math.Max(BitLength(targets.Min), BitLength(targets.Max));
        if (bits > MaxBits)
        {
            throw new UsageException(
                $"--values '{values}' with --targets '{targets}' and up to {numbers.Max} numbers is too large to compute exactly in 64 bits; use smaller values, targets or fewer numbers.");
        }

        if (options.Rule == SolveRule.Integer && targets.Max < 0)
        {
            throw new UsageException(
                $"--targets '{targets}' is all negative but the integer rule never goes below 0; use targets of 0 or more, or --rule reward.");
        }

        for (var count = (int)numbers.Min; count <= numbers.Max; count++)
        {
            var largest = LargestValue(count, values.Max);
            if (targets.Min > largest || targets.Max < -largest)
            {
                throw new UsageException(
                    $"No task of {count} number(s) from '{values}' can reach a target in '{targets}' (the largest reachable magnitude is {largest}); change --targets, --values or --numbers.");
            }
        }
    }

    /// <summary>
    /// The largest magnitude any expression over <paramref name="count"/> numbers of at most <paramref name="max"/>
    /// reaches: the best of <c>+</c> and <c>*</c> over every split (exact for the integer rule, where no step
    /// exceeds <c>max(hi + lo, hi · lo)</c>; checked by brute force for fractions).
    /// </summary>
    internal static BigInteger LargestValue(int count, long max)
    {
        var best = new BigInteger[count + 1];
        best[1] = max;
        for (var k = 2; k <= count; k++)
        {
            for (var left = 1; left <= k / 2; left++)
            {
                var (a, b) = (best[left], best[k - left]);
                best[k] = BigInteger.Max(best[k], BigInteger.Max(a + b, a * b));
            }
        }

        return best[count];
    }

    // Bits of max(|value|, 1); long.MinValue's magnitude is 2^63.
    private static int BitLength(long value)
    {
        var magnitude = value == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(value);
        return 64 - BitOperations.LeadingZeroCount(Math.Max(magnitude, 1UL));
    }
}
