using System.Runtime.InteropServices;

namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>What the figures were measured on, for the results header.</summary>
internal static class MachineInfo
{
    public static IEnumerable<string> Describe()
    {
        yield return $"CPU: {CpuModel()} ({Environment.ProcessorCount} logical cores), RAM {TotalMemoryGiB()}";
        yield return $"OS: {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}; .NET {Environment.Version}";
        yield return $"DuckDB: {DuckDbVersion()} (DuckDB.NET {typeof(DuckDB.NET.Data.DuckDBConnection).Assembly.GetName().Version})";
        yield return $"Peak memory from: {(ProcessRunner.HasGnuTime ? "GNU time %M (max RSS)" : "polled /proc/PID/status VmHWM")}";
        yield return $"Load average at start: {LoadAverage()}";
    }

    private static string CpuModel()
        => ReadProc("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string TotalMemoryGiB()
    {
        var line = ReadProc("/proc/meminfo", "MemTotal:");
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kib)
            ? $"{kib / 1024.0 / 1024.0:F1} GiB" : "unknown";
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? ReadProc(string path, string prefix)
        => File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;

    private static string DuckDbVersion()
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return command.ExecuteScalar()?.ToString() ?? "unknown";
    }
}
