using Parquet;

namespace Countdown.Preprocess.Parquet;

internal sealed partial class RowGroupBuffer
{
    /// <summary>Writes the buffered rows as one row group, in schema column order, then empties the buffers.</summary>
    public async Task FlushAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        MoveUtf8ContentsToText();
        int n = Count;
        var s = _schema;
        var c = _constants;
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAllPartsAsync(s.Target, _targets.Memory, c.Levels(1, n), null, cancellationToken);
            await group.WriteAllPartsAsync(s.NumsElement, _numbers.Memory, _numsDefinitions.Memory, _numsRepetitions.Memory, cancellationToken);
            await group.WriteAllPartsAsync(s.DataSource, c.DataSource(n), c.Levels(1, n), null, cancellationToken);
            await group.WriteAllPartsAsync(s.PromptContent, _contents.Memory, _contentDefinitions.Memory, _promptRepetitions.Memory, cancellationToken);
            await group.WriteAllPartsAsync(s.PromptRole, _roles.Memory, _roleDefinitions.Memory, _promptRepetitions.Memory, cancellationToken);
            await group.WriteAllPartsAsync(s.Ability, c.Ability(n), c.Levels(1, n), null, cancellationToken);
            await group.WriteAllPartsAsync(s.NumbersElement, _numbers.Memory, _numbersDefinitions.Memory, _numsRepetitions.Memory, cancellationToken);
            await group.WriteAllPartsAsync(s.GroundTruthTarget, _targets.Memory, c.Levels(3, n), null, cancellationToken);
            await group.WriteAllPartsAsync(s.Style, c.RewardStyle(n), c.Levels(2, n), null, cancellationToken);
            await group.WriteAllPartsAsync(s.Index, _indexes.Memory, c.Levels(2, n), null, cancellationToken);
            if (s.Solution is not null)
            {
                await group.WriteAllPartsAsync(s.Solution, _solutions.Memory, _solutionDefinitions.Memory, null, cancellationToken);
            }

            await group.WriteAllPartsAsync(s.Split, _splits.Memory, _splitDefinitions.Memory, null, cancellationToken);
            group.CompleteValidate();
        }

        Clear();
    }

    private void Clear()
    {
        Count = 0;
        _targets.Clear();
        _numbers.Clear();
        _numsDefinitions.Clear();
        _numbersDefinitions.Clear();
        _numsRepetitions.Clear();
        _contents.Clear();
        _contentText.Clear();
        ClearUtf8();
        _contentDefinitions.Clear();
        _roles.Clear();
        _roleDefinitions.Clear();
        _promptRepetitions.Clear();
        _indexes.Clear();
        _solutions.Clear();
        _solutionDefinitions.Clear();
        _splits.Clear();
        _splitDefinitions.Clear();
    }
}
