using System.Text;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>A temporary directory for reader inputs, deleted on dispose, plus helpers to read tasks back.</summary>
public sealed class ReadersTestFiles : IDisposable
{
    public ReadersTestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "countdown-readers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The full path of <paramref name="name"/> inside the directory.</summary>
    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark; returns the full path.</summary>
    public string WriteText(string name, string text)
    {
        string path = PathOf(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes raw bytes; returns the full path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        string path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Reads every task of <paramref name="path"/>.</summary>
    public static async Task<List<CountdownTask>> ReadAllAsync(string path, TaskInputFormat format = TaskInputFormat.Auto)
        => await TaskReader.ReadAsync(path, format).ToListAsync();

    /// <summary>Reads every task from <paramref name="stream"/> as standard input would be read.</summary>
    public static async Task<List<CountdownTask>> ReadStreamAsync(Stream stream, TaskInputFormat format = TaskInputFormat.Auto)
        => await TaskReader.ReadAsync(stream, "-", format).ToListAsync();

    /// <summary>Reads <paramref name="path"/> expecting an exception of type <typeparamref name="T"/>.</summary>
    public static Task<T> ReadFailsAsync<T>(string path, TaskInputFormat format = TaskInputFormat.Auto) where T : Exception
        => Assert.ThrowsAsync<T>(() => ReadAllAsync(path, format));

    /// <summary>The tasks as <c>target:n,n,n</c> strings, easy to compare in assertions.</summary>
    public static string[] Flatten(IEnumerable<CountdownTask> tasks)
        => tasks.Select(t => $"{t.Target}:{string.Join(',', t.Nums)}").ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
