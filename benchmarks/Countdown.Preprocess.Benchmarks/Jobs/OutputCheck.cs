using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using DuckDB.NET.Data;

namespace Countdown.Preprocess.Benchmarks.Jobs;

/// <summary>Checks that a contender wrote the right rows, so the timings compare the same work.</summary>
internal static class OutputCheck
{
    /// <summary>Checks every contender's output folder against the library; each problem is prefixed with the contender's name.</summary>
    public static async Task<List<string>> AgainstLibraryAsync(PrepareSpec spec, IReadOnlyDictionary<string, string> outDirs, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (name, dir) in outDirs)
            problems.AddRange((await AgainstLibraryAsync(spec, dir, cancellationToken)).Select(p => $"{name}: {p}"));
        return problems;
    }

    /// <summary>Checks sampled rows of each split against the raw input and our library's template; returns the problems found.</summary>
    public static async Task<IReadOnlyList<string>> AgainstLibraryAsync(PrepareSpec spec, string outDir, CancellationToken cancellationToken)
    {
        var template = PromptTemplates.Get(spec.Template);
        var problems = new List<string>();
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var (split, first, count) in spec.Splits)
        {
            var path = DuckDbPrepareSql.Literal(Path.Combine(outDir, split + ".parquet"));
            var rows = await ScalarAsync<long>(connection, $"SELECT count(*) FROM read_parquet({path})", cancellationToken);
            if (rows != count) problems.Add($"{split}.parquet has {rows} rows, expected {count}.");
            long[] sample = [0, 1, 2, count / 2, count - 1];
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT o.file_row_number, o.extra_info.index, o.extra_info.split, o.target, o.nums, r.target, r.nums,
                       list_transform(o.prompt, m -> m.role), list_transform(o.prompt, m -> m.content),
                       o.data_source, o.ability, o.reward_model.ground_truth.numbers, o.reward_model.ground_truth.target,
                       o.reward_model.style
                FROM read_parquet({path}, file_row_number = true) o
                JOIN read_parquet({DuckDbPrepareSql.Literal(spec.Input)}, file_row_number = true) r
                  ON r.file_row_number = o.file_row_number + {first}
                WHERE o.file_row_number IN ({string.Join(", ", sample.Distinct())})
                ORDER BY o.file_row_number
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var seen = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                seen++;
                var at = $"{split}.parquet row {reader.GetInt64(0)}";
                var nums = reader.GetFieldValue<List<long>>(6).ToArray();
                var expected = template.Render(new CountdownTask(reader.GetInt64(5), nums));
                var roles = reader.GetFieldValue<List<string>>(7);
                var contents = reader.GetFieldValue<List<string>>(8);
                Expect(problems, at, "extra_info.index", reader.GetInt64(0), reader.GetInt64(1));
                Expect(problems, at, "extra_info.split", split, reader.GetString(2));
                Expect(problems, at, "target", reader.GetInt64(5), reader.GetInt64(3));
                Expect(problems, at, "nums", string.Join(",", nums), string.Join(",", reader.GetFieldValue<List<long>>(4)));
                Expect(problems, at, "prompt roles", string.Join(",", expected.Select(m => m.Role)), string.Join(",", roles));
                Expect(problems, at, "prompt contents", string.Join("\u0001", expected.Select(m => m.Content)), string.Join("\u0001", contents));
                Expect(problems, at, "data_source", "countdown", reader.GetString(9));
                Expect(problems, at, "ability", "math", reader.GetString(10));
                Expect(problems, at, "reward_model.ground_truth.numbers", string.Join(",", nums), string.Join(",", reader.GetFieldValue<List<long>>(11)));
                Expect(problems, at, "reward_model.ground_truth.target", reader.GetInt64(5), reader.GetInt64(12));
                Expect(problems, at, "reward_model.style", "rule", reader.GetString(13));
            }
            if (seen != sample.Distinct().Count()) problems.Add($"{split}.parquet: only {seen} of the sampled rows were found.");
        }
        return problems;
    }

    /// <summary>Compares two outputs in full: column names and types, then every row with its position; returns the differences.</summary>
    public static async Task<IReadOnlyList<string>> SameRowsAsync(PrepareSpec spec, string leftDir, string rightDir, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var (split, _, _) in spec.Splits)
        {
            var left = DuckDbPrepareSql.Literal(Path.Combine(leftDir, split + ".parquet"));
            var right = DuckDbPrepareSql.Literal(Path.Combine(rightDir, split + ".parquet"));
            var leftSchema = await ScalarAsync<string>(connection, Schema(left), cancellationToken);
            var rightSchema = await ScalarAsync<string>(connection, Schema(right), cancellationToken);
            if (leftSchema != rightSchema)
            {
                problems.Add($"{split}.parquet columns differ: {leftSchema} versus {rightSchema}.");
                continue;
            }
            foreach (var (a, b) in new[] { (left, right), (right, left) })
            {
                var differ = await ScalarAsync<long>(connection, $"""
                    SELECT count(*) FROM (
                        SELECT * FROM read_parquet({a}, file_row_number = true)
                        EXCEPT ALL
                        SELECT * FROM read_parquet({b}, file_row_number = true))
                    """, cancellationToken);
                if (differ > 0) problems.Add($"{split}.parquet: {differ} rows of {a} are not in {b} at the same position.");
            }
        }
        return problems;
    }

    private static string Schema(string path)
        => $"SELECT string_agg(column_name || ' ' || column_type, '; ') FROM (DESCRIBE SELECT * FROM read_parquet({path}))";

    private static void Expect<T>(List<string> problems, string at, string field, T expected, T actual)
    {
        if (EqualityComparer<T>.Default.Equals(expected, actual)) return;
        var (e, a) = (expected?.ToString() ?? "null", actual?.ToString() ?? "null");
        var from = Math.Max(0, Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length)) - 40);
        problems.Add($"{at}: {field} differs from char {from}: '{Snippet(a, from)}', expected '{Snippet(e, from)}'.");
    }

    private static string Snippet(string text, int from)
        => (from > 0 ? "..." : "") + text[from..Math.Min(text.Length, from + 120)].ReplaceLineEndings("\\n") + (text.Length > from + 120 ? "..." : "");

    private static async Task<DuckDBConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(cancellationToken))!, typeof(T));
    }
}
