using System.Text;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Fuzz;

/// <summary>The small valid files the fuzzer mutates: raw tasks (with a response to score) in every input format, and a prepared train.parquet.</summary>
internal static class FuzzSeeds
{
    private static readonly (long Target, long[] Nums, string Response)[] Rows =
    [
        (24, [2, 3, 4], "<answer>2*3*4</answer>"),
        (10, [1, 2, 7], "<answer>1+2+7</answer>"),
        (98, [44, 19, 35], "<answer>44+19+35</answer>"),
        (64, [8, 8, 3], "<answer>8*8</answer>"),
        (5, [10, 2, 9, 4], "<answer>10/2</answer>"),
        (77, [7, 11, 1], "<answer>7*11*1</answer>"),
        (36, [6, 6, 2], "<answer>(6*6)</answer>"),
        (13, [20, 7, 3], "<answer>20-7</answer>"),
    ];

    /// <summary>Writes the seed files into <paramref name="folder"/> and returns their names with whether they are Parquet.</summary>
    public static async Task<IReadOnlyList<(string Name, byte[] Bytes)>> CreateAsync(TempDirectory folder)
    {
        var seeds = new List<(string, byte[])>
        {
            ("tasks.jsonl", Encoding.UTF8.GetBytes(string.Concat(Rows.Select(r => $"{{\"target\": {r.Target}, \"nums\": [{string.Join(", ", r.Nums)}], \"response\": \"{r.Response}\"}}\n")))),
            ("tasks.json", Encoding.UTF8.GetBytes("[" + string.Join(",\n", Rows.Select(r => $"{{\"target\": {r.Target}, \"nums\": [{string.Join(", ", r.Nums)}], \"response\": \"{r.Response}\"}}")) + "]\n")),
            ("tasks.csv", Encoding.UTF8.GetBytes("target,nums,response\n" + string.Concat(Rows.Select(r => $"{r.Target},\"[{string.Join(", ", r.Nums)}]\",{r.Response}\n")))),
            ("tasks.tsv", Encoding.UTF8.GetBytes("target\tnums\tresponse\n" + string.Concat(Rows.Select(r => $"{r.Target}\t[{string.Join(", ", r.Nums)}]\t{r.Response}\n")))),
        };
        var parquet = folder.File("seed-tasks.parquet");
        ScoringParquetFiles.WriteFlat(parquet, Rows.Select(r => ((long?)r.Target, (long[]?)r.Nums, (string?)r.Response)).ToArray());
        seeds.Add(("tasks.parquet", await File.ReadAllBytesAsync(parquet)));

        var prepared = folder.File("seed-prepared");
        var run = await CliRun.RunAsync("prepare", "--input", folder.File("seed.jsonl").Also(path => File.WriteAllBytes(path, seeds[0].Item2)),
            "--local-dir", prepared, "--train_size", "5", "--test_size", "2");
        if (run.ExitCode != 0) throw new InvalidOperationException("The prepared seed could not be made: " + run.Error);
        seeds.Add(("train.parquet", await File.ReadAllBytesAsync(Path.Combine(prepared, "train.parquet"))));
        return seeds;
    }

    private static string Also(this string path, Action<string> action)
    {
        action(path);
        return path;
    }
}
