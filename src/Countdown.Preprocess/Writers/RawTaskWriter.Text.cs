using System.Globalization;
using System.Text;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Writers;

public static partial class RawTaskWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static async Task WriteJsonlAsync(Stream stream, IAsyncEnumerable<IReadOnlyList<CountdownTask>> batches, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var line = new StringBuilder(64);
        await foreach (var tasks in batches.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                if ((i & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
                line.Clear().Append("{\"target\":").Append(tasks[i].Target.ToString(CultureInfo.InvariantCulture)).Append(",\"nums\":[");
                AppendNumbers(line, tasks[i].Nums, ",");
                line.Append("]}");
                await writer.WriteLineAsync(line, cancellationToken);
            }
        }
    }

    // One JSON array on one line, spaced as Python's json.dump writes it, so `prepare` (and pandas) read it back.
    private static async Task WriteJsonArrayAsync(Stream stream, IAsyncEnumerable<IReadOnlyList<CountdownTask>> batches, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var item = new StringBuilder(64);
        await writer.WriteAsync("[".AsMemory(), cancellationToken);
        var first = true;
        await foreach (var tasks in batches.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                if ((i & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
                item.Clear().Append(first ? "{\"target\": " : ", {\"target\": ").Append(tasks[i].Target.ToString(CultureInfo.InvariantCulture)).Append(", \"nums\": [");
                AppendNumbers(item, tasks[i].Nums, ", ");
                item.Append("]}");
                await writer.WriteAsync(item, cancellationToken);
                first = false;
            }
        }
        await writer.WriteLineAsync("]".AsMemory(), cancellationToken);
    }

    private static async Task WriteCsvAsync(Stream stream, IAsyncEnumerable<IReadOnlyList<CountdownTask>> batches, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync("target,nums".AsMemory(), cancellationToken);
        var line = new StringBuilder(64);
        await foreach (var tasks in batches.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                if ((i & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
                line.Clear().Append(tasks[i].Target.ToString(CultureInfo.InvariantCulture)).Append(",\"[");
                AppendNumbers(line, tasks[i].Nums, ", ");
                line.Append("]\"");
                await writer.WriteLineAsync(line, cancellationToken);
            }
        }
    }

    private static void AppendNumbers(StringBuilder line, long[] nums, string separator)
    {
        for (var j = 0; j < nums.Length; j++)
        {
            if (j > 0) line.Append(separator);
            line.Append(nums[j].ToString(CultureInfo.InvariantCulture));
        }
    }
}
