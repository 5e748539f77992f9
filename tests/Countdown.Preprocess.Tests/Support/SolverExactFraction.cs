using System.Numerics;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>A reduced fraction of big integers, for checks independent of the solver's own arithmetic.</summary>
internal readonly record struct SolverExactFraction
{
    private SolverExactFraction(BigInteger num, BigInteger den)
    {
        Num = num;
        Den = den;
    }

    public BigInteger Num { get; }

    public BigInteger Den { get; }

    public bool IsZero => Num.IsZero;

    public bool IsNonNegativeInteger => Den.IsOne && Num.Sign >= 0;

    public static SolverExactFraction Of(BigInteger value) => new(value, BigInteger.One);

    public static SolverExactFraction Create(BigInteger num, BigInteger den)
    {
        if (den.IsZero) throw new DivideByZeroException();
        if (den.Sign < 0) (num, den) = (-num, -den);
        var gcd = BigInteger.GreatestCommonDivisor(num, den);
        return gcd.IsOne || gcd.IsZero ? new(num, den) : new(num / gcd, den / gcd);
    }

    public static SolverExactFraction operator +(SolverExactFraction a, SolverExactFraction b) => Create(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);

    public static SolverExactFraction operator -(SolverExactFraction a, SolverExactFraction b) => Create(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);

    public static SolverExactFraction operator *(SolverExactFraction a, SolverExactFraction b) => Create(a.Num * b.Num, a.Den * b.Den);

    public static SolverExactFraction operator /(SolverExactFraction a, SolverExactFraction b) => Create(a.Num * b.Den, a.Den * b.Num);

    public bool Equals(long value) => Den.IsOne && Num == value;
}
