using System.Globalization;
using System.Numerics;
using System.Text;

namespace Countdown.Preprocess.Solving;

/// <summary>
/// Depth-first search over the pool of values: pick two, combine them, recurse on the smaller pool.
/// Fractions are kept unreduced as <c>num/den</c> (den never 0); <typeparamref name="T"/> is chosen by the caller
/// wide enough that no product or sum can overflow (see <see cref="CountdownSolver"/>), so no step checks.
/// </summary>
/// <remarks>One instance per thread: the pool and the expression being built live in its arrays.</remarks>
internal sealed partial class ExpressionSearch<T> where T : IBinaryInteger<T>
{
    private readonly T[] _num = new T[CountdownSolver.MaxNumbers];
    private readonly T[] _den = new T[CountdownSolver.MaxNumbers];
    private readonly int[] _node = new int[CountdownSolver.MaxNumbers];

    // The expression tree: node ids below _count are leaves (input positions); node _count + d was made at depth d.
    private readonly int[] _left = new int[CountdownSolver.MaxNumbers];
    private readonly int[] _right = new int[CountdownSolver.MaxNumbers];
    private readonly char[] _op = new char[CountdownSolver.MaxNumbers];

    private long[] _leaves = [];
    private int _count;
    private T _target = T.Zero;

    /// <summary>Loads a task of 1 to <see cref="CountdownSolver.MaxNumbers"/> numbers as the starting pool.</summary>
    public void Load(long[] nums, long target)
    {
        _leaves = nums;
        _count = nums.Length;
        _target = T.CreateTruncating(target);
        for (var i = 0; i < _count; i++)
        {
            _num[i] = T.CreateTruncating(nums[i]);
            _den[i] = T.One;
            _node[i] = i;
        }
    }

    /// <summary>Prints the expression whose root is pool slot 0 after a successful search, e.g. <c>(95 - 11) - 56</c>.</summary>
    public string FormatSolution()
    {
        var text = new StringBuilder(32);
        Append(text, _node[0], parenthesize: false);
        return text.ToString();
    }

    private void Append(StringBuilder text, int node, bool parenthesize)
    {
        if (node < _count)
        {
            text.Append(_leaves[node].ToString(CultureInfo.InvariantCulture));
            return;
        }

        var depth = node - _count;
        if (parenthesize) text.Append('(');
        Append(text, _left[depth], parenthesize: true);
        text.Append(' ').Append(_op[depth]).Append(' ');
        Append(text, _right[depth], parenthesize: true);
        if (parenthesize) text.Append(')');
    }

    private void Record(int depth, int left, char op, int right)
    {
        _left[depth] = left;
        _op[depth] = op;
        _right[depth] = right;
    }
}
