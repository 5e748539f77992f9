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

    // Bounds prepared once: each draw then costs multiplications, not two 64-bit divisions (same draws, bit for bit).
    private static readonly UniformBound[] Small = [.. Enumerable.Range(1, CountdownSolver.MaxNumbers).Select(b => new UniformBound((ulong)b))];
    private static readonly UniformBound Operators = new(4);
    private readonly UniformBound? _counts = Span(options.Numbers);
    private readonly UniformBound? _values = Span(options.Values);

    /// <summary>Makes one task from <paramref name="random"/>, the task's own stream.</summary>
    public CountdownTask Make(SplitMix64 random)
    {
        var count = (int)Draw(ref random, options.Numbers, _counts);
        for (var tries = 0; tries < TaskGenerator.MaxTriesPerTask; tries++)
        {
            for (var i = 0; i < count; i++)
            {
                _drawn[i] = _num[i] = Draw(ref random, options.Values, _values);
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
            switch (random.NextBelow(Operators))
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
            switch (random.NextBelow(Operators))
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
        var i = (int)random.NextBelow(Small[size - 1]);
        var j = (int)random.NextBelow(Small[size - 2]);
        return (i, j >= i ? j + 1 : j);
    }

    /// <summary>What <see cref="SplitMix64.NextInRange"/> draws, with the range's bound prepared (null: all 2^64 values).</summary>
    private static long Draw(ref SplitMix64 random, ValueRange range, UniformBound? span)
        => span is { } bound ? range.Min + (long)random.NextBelow(bound) : random.NextInRange(range.Min, range.Max);

    private static UniformBound? Span(ValueRange range)
    {
        var span = (ulong)(range.Max - range.Min) + 1;
        return span == 0 ? null : new UniformBound(span);
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
