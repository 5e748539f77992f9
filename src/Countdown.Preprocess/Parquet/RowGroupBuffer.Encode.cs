using System.Buffers;
using Countdown.Preprocess.Parquet.Encoding;
using Parquet.Meta;

namespace Countdown.Preprocess.Parquet;

internal sealed partial class RowGroupBuffer
{
    /// <summary>Encodes the buffered rows as one row group with <paramref name="encoder"/>, appends its column chunks to <paramref name="output"/> and empties the buffers.</summary>
    /// <returns>
    /// The row group's metadata, offsets relative to the first byte appended; or null when the encoder cannot take
    /// this group: then nothing is appended and the rows stay buffered for <see cref="FlushAsync"/>.
    /// </returns>
    /// <remarks>The same columns, in the same order, as <see cref="FlushAsync"/> writes through Parquet.Net, and the same bytes.</remarks>
    public RowGroup? EncodeTo(RowGroupEncoder encoder, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(output);
        if (encoder.Schema.IncludeSolution != _schema.IncludeSolution)
        {
            throw new ArgumentException("The encoder was made for a schema with a different solution column.", nameof(encoder));
        }

        int n = Count;
        var s = encoder.Schema;
        var c = _constants;
        encoder.Begin();
        bool encoded =
            encoder.Int64Column(s.Target, _targets.Memory.Span, c.Levels(1, n).Span, default)
            && encoder.Int64Column(s.NumsElement, _numbers.Memory.Span, _numsDefinitions.Memory.Span, _numsRepetitions.Memory.Span)
            && encoder.ConstantTextColumn(s.DataSource, c.DataSource(n).Span, c.Levels(1, n).Span)
            && (HasUtf8Contents
                ? EncodeUtf8Contents(encoder)
                : encoder.TextColumn(s.PromptContent, _contents.Memory.Span, _contentDefinitions.Memory.Span, _promptRepetitions.Memory.Span))
            && encoder.TextColumn(s.PromptRole, _roles.Memory.Span, _roleDefinitions.Memory.Span, _promptRepetitions.Memory.Span)
            && encoder.ConstantTextColumn(s.Ability, c.Ability(n).Span, c.Levels(1, n).Span)
            && encoder.Int64Column(s.NumbersElement, _numbers.Memory.Span, _numbersDefinitions.Memory.Span, _numsRepetitions.Memory.Span)
            && encoder.Int64Column(s.GroundTruthTarget, _targets.Memory.Span, c.Levels(3, n).Span, default)
            && encoder.ConstantTextColumn(s.Style, c.RewardStyle(n).Span, c.Levels(2, n).Span)
            && encoder.Int64Column(s.Index, _indexes.Memory.Span, c.Levels(2, n).Span, default)
            && (s.Solution is null || encoder.TextColumn(s.Solution, _solutions.Memory.Span, _solutionDefinitions.Memory.Span, default))
            && encoder.TextColumn(s.Split, _splits.Memory.Span, _splitDefinitions.Memory.Span, default);
        if (!encoded)
        {
            return null;
        }

        var group = encoder.Complete(n, output);
        Clear();
        return group;
    }
}
