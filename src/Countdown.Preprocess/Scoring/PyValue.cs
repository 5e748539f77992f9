using System.Numerics;

namespace Countdown.Preprocess.Scoring;

/// <summary>What Python's <c>eval</c> of a TinyZero answer can yield: an int, a float, a complex, <c>()</c> or <c>...</c>.</summary>
internal enum PyKind : byte
{
    Int,
    Float,
    Complex,
    EmptyTuple,
    Ellipsis,
}

/// <summary>One Python value: <see cref="Int"/> for ints, <see cref="Real"/> (and <see cref="Imag"/>) for floats and complexes.</summary>
internal readonly record struct PyValue(PyKind Kind, BigInteger Int, double Real, double Imag)
{
    public static PyValue EmptyTuple { get; } = new(PyKind.EmptyTuple, default, 0, 0);

    public static PyValue Ellipsis { get; } = new(PyKind.Ellipsis, default, 0, 0);

    public bool IsNumber => Kind <= PyKind.Complex;

    public static PyValue FromInt(BigInteger value) => new(PyKind.Int, value, 0, 0);

    public static PyValue FromFloat(double value) => new(PyKind.Float, default, value, 0);

    public static PyValue FromComplex(double real, double imag) => new(PyKind.Complex, default, real, imag);
}
