namespace Countdown.Preprocess.Solving;

internal sealed partial class ExpressionSearch<T>
{
    /// <summary>
    /// Counts the operation sequences (ordered pair of pool positions and one of <c>+ - * /</c>, repeated until one
    /// value is left) whose final value is the target; a sequence that divides by zero reaches nothing.
    /// </summary>
    /// <remarks>
    /// Walks unordered pairs and weights the results: <c>a + b</c> and <c>a * b</c> stand for both orders (weight 2),
    /// <c>a - b</c>, <c>b - a</c>, <c>a / b</c> and <c>b / a</c> for one each.
    /// </remarks>
    public long CountReaching() => CountReaching(_count);

    private long CountReaching(int size)
    {
        if (size == 1) return _num[0] == _target * _den[0] ? 1 : 0;
        if (size == 2) return CountLastStep(_num[0], _den[0], _num[1], _den[1]);

        long reaching = 0;
        var lastSlot = size - 1;
        for (var i = 0; i < lastSlot; i++)
        {
            for (var j = i + 1; j < size; j++)
            {
                T an = _num[i], ad = _den[i], bn = _num[j], bd = _den[j];
                _num[j] = _num[lastSlot];
                _den[j] = _den[lastSlot];

                T cross = an * bd, crossB = bn * ad, dens = ad * bd;
                reaching += 2 * CountWith(size, i, cross + crossB, dens)
                    + 2 * CountWith(size, i, an * bn, dens)
                    + CountWith(size, i, cross - crossB, dens)
                    + CountWith(size, i, crossB - cross, dens);
                if (bn != T.Zero) reaching += CountWith(size, i, cross, ad * bn);
                if (an != T.Zero) reaching += CountWith(size, i, crossB, bd * an);

                _num[i] = an;
                _den[i] = ad;
                _num[j] = bn;
                _den[j] = bd;
            }
        }

        return reaching;
    }

    private long CountWith(int size, int slot, T num, T den)
    {
        _num[slot] = num;
        _den[slot] = den;
        return CountReaching(size - 1);
    }

    private long CountLastStep(T an, T ad, T bn, T bd)
    {
        T cross = an * bd, crossB = bn * ad, dens = ad * bd, target = _target;
        long reaching = 0;
        if (cross + crossB == target * dens) reaching += 2;
        if (an * bn == target * dens) reaching += 2;
        if (cross - crossB == target * dens) reaching++;
        if (crossB - cross == target * dens) reaching++;
        if (bn != T.Zero && cross == target * ad * bn) reaching++;
        if (an != T.Zero && crossB == target * bd * an) reaching++;
        return reaching;
    }
}
