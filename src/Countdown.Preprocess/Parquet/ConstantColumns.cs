using Countdown.Preprocess.Rows;

namespace Countdown.Preprocess.Parquet;

/// <summary>Column parts that are the same in every row group: the constant strings and all-defined level runs.</summary>
internal sealed class ConstantColumns
{
    private readonly ReadOnlyMemory<char>[] _dataSource;
    private readonly ReadOnlyMemory<char>[] _ability;
    private readonly ReadOnlyMemory<char>[] _rewardStyle;
    private readonly int[][] _levels;

    /// <summary>Builds the runs for row groups of up to <paramref name="rowGroupSize"/> rows.</summary>
    public ConstantColumns(int rowGroupSize)
    {
        _dataSource = Repeat(PreparedRow.DataSource.AsMemory(), rowGroupSize);
        _ability = Repeat(PreparedRow.Ability.AsMemory(), rowGroupSize);
        _rewardStyle = Repeat(PreparedRow.RewardStyle.AsMemory(), rowGroupSize);
        _levels = [[], Repeat(1, rowGroupSize), Repeat(2, rowGroupSize), Repeat(3, rowGroupSize)];
    }

    /// <summary>Gets <paramref name="rows"/> copies of <c>data_source</c>.</summary>
    public ReadOnlyMemory<ReadOnlyMemory<char>> DataSource(int rows) => _dataSource.AsMemory(0, rows);

    /// <summary>Gets <paramref name="rows"/> copies of <c>ability</c>.</summary>
    public ReadOnlyMemory<ReadOnlyMemory<char>> Ability(int rows) => _ability.AsMemory(0, rows);

    /// <summary>Gets <paramref name="rows"/> copies of <c>reward_model.style</c>.</summary>
    public ReadOnlyMemory<ReadOnlyMemory<char>> RewardStyle(int rows) => _rewardStyle.AsMemory(0, rows);

    /// <summary>Gets <paramref name="rows"/> definition levels of <paramref name="level"/> (1 to 3): a leaf defined in every row.</summary>
    public ReadOnlyMemory<int> Levels(int level, int rows) => _levels[level].AsMemory(0, rows);

    private static T[] Repeat<T>(T value, int count)
    {
        var items = new T[count];
        Array.Fill(items, value);
        return items;
    }
}
