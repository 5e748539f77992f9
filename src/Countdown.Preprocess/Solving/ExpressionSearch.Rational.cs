namespace Countdown.Preprocess.Solving;

internal sealed partial class ExpressionSearch<T>
{
    /// <summary>Finds an expression under <see cref="SolveRule.Reward"/>: any order, any sign, exact fractions, no division by zero.</summary>
    public bool SearchRational() => SearchRational(_count);

    private bool SearchRational(int size)
    {
        if (size == 1) return _num[0] == _target * _den[0];
        if (size == 2) return LastStepRational();

        var depth = _count - size;
        var id = _count + depth;
        var lastSlot = size - 1;
        for (var i = 0; i < lastSlot; i++)
        {
            for (var j = i + 1; j < size; j++)
            {
                T an = _num[i], ad = _den[i], bn = _num[j], bd = _den[j];
                int nodeA = _node[i], nodeB = _node[j];

                _num[j] = _num[lastSlot];
                _den[j] = _den[lastSlot];
                _node[j] = _node[lastSlot];
                _node[i] = id;

                T cross = an * bd, crossB = bn * ad, dens = ad * bd;
                if (TryRational(size, i, depth, cross + crossB, dens, nodeA, '+', nodeB)
                    || TryRational(size, i, depth, an * bn, dens, nodeA, '*', nodeB)
                    || TryRational(size, i, depth, cross - crossB, dens, nodeA, '-', nodeB)
                    || TryRational(size, i, depth, crossB - cross, dens, nodeB, '-', nodeA)
                    || (bn != T.Zero && TryRational(size, i, depth, cross, ad * bn, nodeA, '/', nodeB))
                    || (an != T.Zero && TryRational(size, i, depth, crossB, bd * an, nodeB, '/', nodeA)))
                {
                    return true;
                }

                _num[i] = an;
                _den[i] = ad;
                _num[j] = bn;
                _den[j] = bd;
                _node[i] = nodeA;
                _node[j] = nodeB;
            }
        }

        return false;
    }

    private bool LastStepRational()
    {
        T an = _num[0], ad = _den[0], bn = _num[1], bd = _den[1], target = _target;
        int nodeA = _node[0], nodeB = _node[1];
        T cross = an * bd, crossB = bn * ad, goal = target * ad * bd;
        int left = nodeA, right = nodeB;
        char op;
        if (cross + crossB == goal) op = '+';
        else if (an * bn == goal) op = '*';
        else if (cross - crossB == goal) op = '-';
        else if (crossB - cross == goal) (op, left, right) = ('-', nodeB, nodeA);
        else if (bn != T.Zero && cross == target * ad * bn) op = '/';
        else if (an != T.Zero && crossB == target * bd * an) (op, left, right) = ('/', nodeB, nodeA);
        else return false;

        var depth = _count - 2;
        Record(depth, left, op, right);
        _node[0] = _count + depth;
        return true;
    }

    private bool TryRational(int size, int slot, int depth, T num, T den, int left, char op, int right)
    {
        _num[slot] = num;
        _den[slot] = den;
        Record(depth, left, op, right);
        return SearchRational(size - 1);
    }
}
