using Countdown.Preprocess.Rows;

namespace Countdown.Preprocess.Parquet;

/// <summary>Column parts that are the same in every row: the constant strings and runs of all-defined levels.</summary>
/// <remarks>Runs start at the given length and double when a row group needs more.</remarks>
internal sealed class ConstantColumns(int initialRows)
{
    private readonly ReadOnlyMemory<char>[][] _texts =
    [
        Repeat(PreparedRow.DataSource.AsMemory(), initialRows),
        Repeat(PreparedRow.Ability.AsMemory(), initialRows),
        Repeat(PreparedRow.RewardStyle.AsMemory(), initialRows),
    ];

    private readonly int[][] _levels = [[], Repeat(1, initialRows), Repeat(2, initialRows), Repeat(3, initialRows)];

    /// <summary>Gets <paramref name="rows"/> copies of <c>data_source</c>.</summary>
    public ReadOnlyMemory<ReadOnlyMemory<char>> DataSource(int rows) => Run(_texts, 0, rows);

    /// <summary>Gets <paramref name="rows"/> copies of <c>ability</c>.</summary>
    public ReadOnlyMemory<ReadOnlyMemory<char>> Ability(int rows) => Run(_texts, 1, rows);

    /// <summary>Gets <paramref name="rows"/> copies of <c>reward_model.style</c>.</summary>
    public ReadOnlyMemory<ReadOnlyMemory<char>> RewardStyle(int rows) => Run(_texts, 2, rows);

    /// <summary>Gets <paramref name="rows"/> definition levels of <paramref name="level"/> (1 to 3): a leaf defined in every row.</summary>
    public ReadOnlyMemory<int> Levels(int level, int rows) => Run(_levels, level, rows);

    private static ReadOnlyMemory<T> Run<T>(T[][] runs, int which, int rows)
    {
        if (runs[which].Length < rows)
        {
            runs[which] = Repeat(runs[which][0], Math.Max(rows, runs[which].Length * 2));
        }

        return runs[which].AsMemory(0, rows);
    }

    private static T[] Repeat<T>(T value, int count)
    {
        var items = new T[count];
        Array.Fill(items, value);
        return items;
    }
}
