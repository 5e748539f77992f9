using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Parquet;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>Writes veRL files the way the writer did before row groups were encoded in parallel: every group through one Parquet.Net <see cref="ParquetWriter"/>.</summary>
/// <remarks>The reference of the differential tests: the spliced file must equal this one byte for byte.</remarks>
internal static class SequentialParquetFiles
{
    /// <summary>Writes <paramref name="count"/> rows, the i-th added to a row group buffer by <paramref name="add"/>, to <paramref name="destination"/>.</summary>
    public static async Task WriteAsync(Stream destination, VerlParquetOptions options, int count, Action<RowGroupBuffer, int> add)
    {
        var schema = VerlParquetSchema.Create(options);
        var writer = await ParquetWriter.CreateAsync(schema.Schema, destination, VerlParquetWriter.ToParquetOptions(schema, options.Compression));
        writer.CustomMetadata = VerlParquetWriter.Metadata(options.IncludeSolution);
        using var buffer = new RowGroupBuffer(schema, options.RowGroupSize);
        for (int i = 0; i < count; i++)
        {
            add(buffer, i);
            if (buffer.Count == options.RowGroupSize)
            {
                await buffer.FlushAsync(writer, CancellationToken.None);
            }
        }

        if (buffer.Count > 0)
        {
            await buffer.FlushAsync(writer, CancellationToken.None);
        }

        await writer.DisposeAsync();
    }

    /// <summary>Makes <paramref name="count"/> varied tasks: 2 to 6 numbers, some repeated, some large, from a fixed seed.</summary>
    public static CountdownTask[] Tasks(int count, int seed = 14)
    {
        var random = new Random(seed);
        var tasks = new CountdownTask[count];
        for (int i = 0; i < tasks.Length; i++)
        {
            var nums = new long[random.Next(2, 7)];
            for (int j = 0; j < nums.Length; j++)
            {
                nums[j] = random.Next(10) == 0 ? random.NextInt64(-1_000_000_000_000, 1_000_000_000_000) : random.Next(1, 100);
            }

            tasks[i] = new CountdownTask(random.Next(1, 1000), nums);
        }

        return tasks;
    }

    /// <summary>Renders <paramref name="tasks"/> as rows of <paramref name="template"/>, with a solution when <paramref name="withSolution"/> is set.</summary>
    public static PreparedRow[] Rows(IReadOnlyList<CountdownTask> tasks, PromptTemplate template, bool withSolution)
        => tasks.Select((task, i) => new PreparedRow(task, template.Render(task), i % 3 == 0 ? "train" : "test", i,
            withSolution ? (i % 4 == 0 ? null : $"({task.Nums[0]} + {task.Nums[1]}) × {i}") : null)).ToArray();
}
