namespace Countdown.Preprocess.Solving;

internal sealed partial class ExpressionSearch<T>
{
    /// <summary>
    /// Finds an expression under <see cref="SolveRule.Integer"/>: combine the larger and the smaller value as
    /// <c>hi + lo</c>, <c>hi * lo</c>, <c>hi - lo</c> or, when exact, <c>hi / lo</c>. Needs non-negative inputs.
    /// </summary>
    public bool SearchInteger() => SearchInteger(_count);

    private bool SearchInteger(int size)
    {
        if (size == 1) return _num[0] == _target;
        if (size == 2) return LastStepInteger();

        var depth = _count - size;
        var id = _count + depth;
        var lastSlot = size - 1;
        for (var i = 0; i < lastSlot; i++)
        {
            for (var j = i + 1; j < size; j++)
            {
                T a = _num[i], b = _num[j];
                int nodeA = _node[i], nodeB = _node[j];
                var aIsHi = a >= b;
                T hi = aIsHi ? a : b, lo = aIsHi ? b : a;
                int nodeHi = aIsHi ? nodeA : nodeB, nodeLo = aIsHi ? nodeB : nodeA;

                // The result takes slot i; the last value moves into slot j; the pool shrinks by one.
                _num[j] = _num[lastSlot];
                _node[j] = _node[lastSlot];
                _node[i] = id;

                if (TryInteger(size, i, depth, hi + lo, nodeHi, '+', nodeLo)
                    || TryInteger(size, i, depth, hi * lo, nodeHi, '*', nodeLo)
                    || (lo != T.Zero && TryInteger(size, i, depth, hi - lo, nodeHi, '-', nodeLo))
                    || (lo > T.One && hi % lo == T.Zero && TryInteger(size, i, depth, hi / lo, nodeHi, '/', nodeLo)))
                {
                    return true;
                }

                _num[i] = a;
                _num[j] = b;
                _node[i] = nodeA;
                _node[j] = nodeB;
            }
        }

        return false;
    }

    private bool LastStepInteger()
    {
        T a = _num[0], b = _num[1], target = _target;
        var aIsHi = a >= b;
        T hi = aIsHi ? a : b, lo = aIsHi ? b : a;
        int nodeHi = aIsHi ? _node[0] : _node[1], nodeLo = aIsHi ? _node[1] : _node[0];
        char op;
        if (hi + lo == target) op = '+';
        else if (hi * lo == target) op = '*';
        else if (hi - lo == target) op = '-';
        else if (lo != T.Zero && hi == target * lo) op = '/';
        else return false;

        var depth = _count - 2;
        Record(depth, nodeHi, op, nodeLo);
        _node[0] = _count + depth;
        return true;
    }

    // Skipped above because they repeat a value already tried: hi - 0 (= hi + 0) and hi / 1 (= hi * 1).
    private bool TryInteger(int size, int slot, int depth, T value, int left, char op, int right)
    {
        _num[slot] = value;
        Record(depth, left, op, right);
        return SearchInteger(size - 1);
    }
}
