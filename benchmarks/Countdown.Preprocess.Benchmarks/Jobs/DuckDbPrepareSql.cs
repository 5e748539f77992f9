using System.Text;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Benchmarks.Jobs;

/// <summary>The <c>prepare</c> transformation written as DuckDB SQL, the prompt text taken from our template.</summary>
internal static class DuckDbPrepareSql
{
    /// <summary>One statement writing one split: rows <paramref name="first"/>.. in file order, with veRL's columns.</summary>
    /// <remarks>Without <paramref name="ordered"/> the statement drops <c>ORDER BY</c> and relies on DuckDB's default
    /// <c>preserve_insertion_order</c> to keep file order: less memory, and the harness's check still catches a wrong order.</remarks>
    public static string Copy(PrepareSpec spec, string split, long first, long count, string outPath, bool ordered = true) => $$"""
        COPY (
            SELECT
                target,
                nums,
                'countdown' AS data_source,
                {{Prompt(PromptTemplates.Get(spec.Template))}} AS prompt,
                'math' AS ability,
                {'ground_truth': {'numbers': nums, 'target': target}, 'style': 'rule'} AS reward_model,
                {'index': file_row_number - {{first}}, 'split': {{Literal(split)}}} AS extra_info
            FROM read_parquet({{Literal(spec.Input)}}, file_row_number = true)
            WHERE file_row_number >= {{first}} AND file_row_number < {{first + count}}
            {{(ordered ? "ORDER BY file_row_number" : "")}}
        ) TO {{Literal(outPath)}} (FORMAT parquet, COMPRESSION {{Codec(spec.Codec)}})
        """;

    /// <summary>The prompt list: one struct per message, contents concatenated from literal text and the two fields.</summary>
    /// <remarks><c>'[' || array_to_string(nums, ', ') || ']'</c> prints <c>[95, 11, 56]</c>, as Python prints a list of ints.</remarks>
    public static string Prompt(TextTemplate template)
        => "[" + string.Join(", ", template.Messages.Select(m => $"{{'content': {Content(m.Content)}, 'role': {Literal(m.Role)}}}")) + "]";

    private static string Content(string content)
    {
        var sql = new StringBuilder();
        var rest = content;
        while (rest.Length > 0)
        {
            var n = rest.IndexOf("{numbers}", StringComparison.Ordinal);
            var t = rest.IndexOf("{target}", StringComparison.Ordinal);
            var at = n < 0 ? t : t < 0 ? n : Math.Min(n, t);
            if (at < 0) { Append(sql, Literal(rest)); break; }
            if (at > 0) Append(sql, Literal(rest[..at]));
            var isNumbers = at == n;
            Append(sql, isNumbers ? "'[' || array_to_string(nums, ', ') || ']'" : "CAST(target AS VARCHAR)");
            rest = rest[(at + (isNumbers ? "{numbers}" : "{target}").Length)..];
        }
        return sql.Length == 0 ? "''" : sql.ToString();
    }

    private static void Append(StringBuilder sql, string term) => sql.Append(sql.Length == 0 ? "" : " || ").Append(term);

    public static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    private static string Codec(string codec) => codec switch
    {
        "none" => "uncompressed",
        "snappy" or "zstd" or "gzip" => codec,
        _ => throw new ArgumentException($"Codec '{codec}' is not one of snappy, zstd, gzip, none.", nameof(codec)),
    };
}
