namespace Countdown.Preprocess.Inspection;

/// <summary>One leaf column of one row group as read raw: definition and repetition levels plus the defined values.</summary>
internal abstract class ParquetLeafColumn
{
    protected ParquetLeafColumn(int[] definitionLevels, int[] repetitionLevels, int levelCount, int maxDefinitionLevel)
    {
        DefinitionLevels = definitionLevels;
        RepetitionLevels = repetitionLevels;
        LevelCount = levelCount;
        MaxDefinitionLevel = maxDefinitionLevel;
    }

    public int[] DefinitionLevels { get; }

    public int[] RepetitionLevels { get; }

    /// <summary>The number of level entries (values and nulls or empty lists at any depth).</summary>
    public int LevelCount { get; }

    public int MaxDefinitionLevel { get; }

    /// <summary>The next level entry to read.</summary>
    public int LevelCursor { get; set; }

    /// <summary>The next defined value to read.</summary>
    protected int ValueCursor { get; set; }

    public int CurrentDefinition => DefinitionLevels[LevelCursor];

    public bool HasMore => LevelCursor < LevelCount;

    public int CurrentRepetition => RepetitionLevels[LevelCursor];

    /// <summary>Reads the defined value at the cursor and moves past its level entry.</summary>
    public object? Take()
    {
        var value = TakeValue(ValueCursor++);
        LevelCursor++;
        return value;
    }

    /// <summary>Moves to the first level entry of the 0-based row <paramref name="row"/> of this row group.</summary>
    public void Seek(long row)
    {
        int level = 0, values = 0;
        long seen = -1;
        for (; level < LevelCount; level++)
        {
            if (RepetitionLevels[level] == 0 && ++seen == row) break;
            if (DefinitionLevels[level] == MaxDefinitionLevel) values++;
        }
        LevelCursor = level;
        ValueCursor = values;
    }

    /// <summary>Returns the value at <paramref name="index"/> among the defined values, releasing the slot.</summary>
    protected abstract object? TakeValue(int index);
}
