using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Generating;

/// <summary>One worker's scratch for <see cref="TaskGenerator"/>: draws numbers and a random operation sequence over them.</summary>
/// <remarks>Options were validated, so no fraction overflows a <see cref="long"/>.</remarks>
internal sealed class ExpressionDraw(GenerateOptions options)
{
    private readonly long[] _num = new long[CountdownSolver.MaxNumbers];
    private readonly long[] _den = new long[CountdownSolver.MaxNumbers];
    private readonly long[] _drawn = new long[CountdownSolver.MaxNumbers];

    /// <summary>Makes one task from <paramref name="random"/>, the task's own stream.</summary>
    public CountdownTask Make(SplitMix64 random)
    {
        var count = (int)random.NextInRange(options.Numbers.Min, options.Numbers.Max);
        for (var tries = 0; tries < TaskGenerator.MaxTriesPerTask; tries++)
        {
            for (var i = 0; i < count; i++)
            {
                _drawn[i] = _num[i] = random.NextInRange(options.Values.Min, options.Values.Max);
                _den[i] = 1;
            }

            var reached = options.Rule == SolveRule.Integer ? DrawInteger(ref random, count) : DrawRational(ref random, count);
            if (reached is { } target && target >= options.Targets.Min && target <= options.Targets.Max)
            {
                return new CountdownTask(target, _drawn.AsSpan(0, count).ToArray());
            }
        }

        throw new UsageException(
            $"No task of {count} number(s) from '{options.Values}' reached a target in '{options.Targets}' in {TaskGenerator.MaxTriesPerTask:N0} random expressions; widen --targets or --values.");
    }

    // Ordered pair, any operator, exact fractions; null when a division by zero or a non-integer result ends the try.
    private long? DrawRational(ref SplitMix64 random, int count)
    {
        for (var size = count; size > 1; size--)
        {
            var (i, j) = OrderedPair(ref random, size);
            long an = _num[i], ad = _den[i], bn = _num[j], bd = _den[j];
            switch (random.NextBelow(4))
            {
                case 0: (an, ad) = (an * bd + bn * ad, ad * bd); break;
                case 1: (an, ad) = (an * bd - bn * ad, ad * bd); break;
                case 2: (an, ad) = (an * bn, ad * bd); break;
                default:
                    if (bn == 0) return null;
                    (an, ad) = (an * bd, ad * bn);
                    break;
            }

            Shrink(size, i, j, an, ad);
        }

        return _num[0] % _den[0] == 0 ? _num[0] / _den[0] : null;
    }

    // Unordered pair, larger with smaller; null when a division is not exact.
    private long? DrawInteger(ref SplitMix64 random, int count)
    {
        for (var size = count; size > 1; size--)
        {
            var (i, j) = OrderedPair(ref random, size);
            long hi = Math.Max(_num[i], _num[j]), lo = Math.Min(_num[i], _num[j]), value;
            switch (random.NextBelow(4))
            {
                case 0: value = hi + lo; break;
                case 1: value = hi - lo; break;
                case 2: value = hi * lo; break;
                default:
                    if (lo == 0 || hi % lo != 0) return null;
                    value = hi / lo;
                    break;
            }

            Shrink(size, i, j, value, 1);
        }

        return _num[0];
    }

    private static (int I, int J) OrderedPair(ref SplitMix64 random, int size)
    {
        var i = (int)random.NextBelow((ulong)size);
        var j = (int)random.NextBelow((ulong)size - 1);
        return (i, j >= i ? j + 1 : j);
    }

    // The result takes slot i, the last value takes slot j, and the pool shrinks by one.
    private void Shrink(int size, int i, int j, long num, long den)
    {
        _num[i] = num;
        _den[i] = den;
        _num[j] = _num[size - 1];
        _den[j] = _den[size - 1];
    }
}
