using System.Numerics;

namespace Countdown.Preprocess.Scoring;

/// <summary>One step of a parsed answer in reverse Polish order.</summary>
internal enum PyOp : byte
{
    PushInt,
    PushFloat,
    PushEmptyTuple,
    PushEllipsis,
    Negate,
    Plus,
    Add,
    Subtract,
    Multiply,
    Divide,
    FloorDivide,
    Power,
    Unpack,
    Call,
}

/// <summary>A step with its literal, if any.</summary>
internal readonly record struct PyInstruction(PyOp Op, BigInteger Int = default, double Float = 0);
