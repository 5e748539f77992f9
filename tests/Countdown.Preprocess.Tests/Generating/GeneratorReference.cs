using Countdown.Preprocess.Generating;
using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Generating;

/// <summary>
/// The generator's documented algorithm written the plain way (a <see cref="SplitMix64"/> per task, the dividing
/// <see cref="SplitMix64.NextBelow(ulong)"/>, nullable results), to hold the fast draw to it task for task.
/// </summary>
internal static class GeneratorReference
{
    public static CountdownTask Make(GenerateOptions options, long index)
    {
        var random = new SplitMix64(SplitMix64.Mix(options.Seed + (ulong)(index + 1) * 0x9E3779B97F4A7C15UL));
        var count = (int)random.NextInRange(options.Numbers.Min, options.Numbers.Max);
        var num = new long[count];
        var den = new long[count];
        while (true)
        {
            for (var i = 0; i < count; i++)
            {
                num[i] = random.NextInRange(options.Values.Min, options.Values.Max);
                den[i] = 1;
            }
            var drawn = (long[])num.Clone();

            var reached = options.Rule == SolveRule.Integer ? Integer(ref random, num) : Rational(ref random, num, den);
            if (reached is { } target && target >= options.Targets.Min && target <= options.Targets.Max)
                return new CountdownTask(target, drawn);
        }
    }

    private static long? Rational(ref SplitMix64 random, long[] num, long[] den)
    {
        for (var size = num.Length; size > 1; size--)
        {
            var (i, j) = Pair(ref random, size);
            long an = num[i], ad = den[i], bn = num[j], bd = den[j];
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
            (num[i], den[i]) = (an, ad);
            (num[j], den[j]) = (num[size - 1], den[size - 1]);
        }
        return num[0] % den[0] == 0 ? num[0] / den[0] : null;
    }

    private static long? Integer(ref SplitMix64 random, long[] num)
    {
        for (var size = num.Length; size > 1; size--)
        {
            var (i, j) = Pair(ref random, size);
            long hi = Math.Max(num[i], num[j]), lo = Math.Min(num[i], num[j]), value;
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
            num[i] = value;
            num[j] = num[size - 1];
        }
        return num[0];
    }

    private static (int I, int J) Pair(ref SplitMix64 random, int size)
    {
        var i = (int)random.NextBelow((ulong)size);
        var j = (int)random.NextBelow((ulong)size - 1);
        return (i, j >= i ? j + 1 : j);
    }
}
