namespace Countdown.Preprocess.Tests.Support;

/// <summary>
/// Slow, obviously correct answers to check the solver against, written another way than the solver's search:
/// reachable sets over every split of the numbers into two parts, and literal enumeration of operation sequences.
/// </summary>
internal static class SolverBruteForce
{
    /// <summary>Every value some expression over all of <paramref name="nums"/> reaches, under the reward or the integer rule.</summary>
    public static HashSet<SolverExactFraction> Reachable(long[] nums, bool integer)
        => Reach(nums.Select(n => SolverExactFraction.Of(n)).ToArray(), integer);

    /// <summary>Whether the task is solvable under the reward rule (negative numbers never are) or the integer rule.</summary>
    public static bool Solvable(long[] nums, long target, bool integer)
        => nums.Length > 0 && nums.All(n => n >= 0) && Reachable(nums, integer).Contains(SolverExactFraction.Of(target));

    /// <summary>Counts, one by one, the operation sequences (ordered pair, one of four operators) that end on the target, and all of them.</summary>
    public static (long Reaching, long Total) CountSequences(long[] nums, long target)
    {
        long reaching = 0, total = 0;
        Walk(nums.Select(n => SolverExactFraction.Of(n)).ToList());
        return (reaching, total);

        void Walk(List<SolverExactFraction> pool)
        {
            if (pool.Count == 1)
            {
                total++;
                if (pool[0].Equals(target)) reaching++;
                return;
            }

            for (var i = 0; i < pool.Count; i++)
            {
                for (var j = 0; j < pool.Count; j++)
                {
                    if (i == j) continue;
                    foreach (var op in "+-*/")
                    {
                        var rest = pool.Where((_, k) => k != i && k != j).ToList();
                        if (op == '/' && pool[j].IsZero)
                        {
                            total += Sequences(pool.Count - 1); // every continuation of a division by zero reaches nothing
                            continue;
                        }

                        rest.Add(op switch
                        {
                            '+' => pool[i] + pool[j],
                            '-' => pool[i] - pool[j],
                            '*' => pool[i] * pool[j],
                            _ => pool[i] / pool[j],
                        });
                        Walk(rest);
                    }
                }
            }
        }
    }

    private static long Sequences(int poolSize) => poolSize <= 1 ? 1 : 4L * poolSize * (poolSize - 1) * Sequences(poolSize - 1);

    private static HashSet<SolverExactFraction> Reach(SolverExactFraction[] pool, bool integer)
    {
        if (pool.Length == 1) return [pool[0]];
        var result = new HashSet<SolverExactFraction>();
        var n = pool.Length;
        for (var mask = 1; mask < (1 << n) - 1; mask++)
        {
            var left = Reach(pool.Where((_, k) => (mask >> k & 1) == 1).ToArray(), integer);
            var right = Reach(pool.Where((_, k) => (mask >> k & 1) == 0).ToArray(), integer);
            foreach (var x in left)
            {
                foreach (var y in right)
                {
                    if (integer) AddInteger(result, x, y);
                    else AddRational(result, x, y);
                }
            }
        }

        return result;
    }

    private static void AddRational(HashSet<SolverExactFraction> result, SolverExactFraction x, SolverExactFraction y)
    {
        result.Add(x + y);
        result.Add(x - y);
        result.Add(x * y);
        if (!y.IsZero) result.Add(x / y);
    }

    // Stream-of-Search: non-negative integers only, division only when exact.
    private static void AddInteger(HashSet<SolverExactFraction> result, SolverExactFraction x, SolverExactFraction y)
    {
        foreach (var value in new[] { x + y, x - y, x * y })
        {
            if (value.IsNonNegativeInteger) result.Add(value);
        }

        if (!y.IsZero && (x / y).IsNonNegativeInteger) result.Add(x / y);
    }
}
