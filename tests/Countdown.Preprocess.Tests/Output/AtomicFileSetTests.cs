using Countdown.Preprocess.Output;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Output;

public sealed partial class AtomicFileSetTests
{
    [Fact]
    public async Task Commit_AfterWriting_ReplacesFinalFilesAndLeavesNoTemporaries()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("a.txt"), "old a");

        await using (var set = new AtomicFileSet())
        {
            await using (var a = set.Create(dir.File("a.txt"))) await a.WriteAsync("new a"u8.ToArray());
            await using (var b = set.Create(dir.File("b.txt"))) await b.WriteAsync("new b"u8.ToArray());
            Assert.Equal("old a", await File.ReadAllTextAsync(dir.File("a.txt")));
            set.Commit();
        }

        Assert.Equal(["a.txt", "b.txt"], dir.FileNames());
        Assert.Equal("new a", await File.ReadAllTextAsync(dir.File("a.txt")));
        Assert.Equal("new b", await File.ReadAllTextAsync(dir.File("b.txt")));
    }

    [Fact]
    public async Task Dispose_WithoutCommit_KeepsOldFilesAndRemovesTemporaries()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("a.txt"), "old a");

        await using (var set = new AtomicFileSet())
        {
            await using var a = set.Create(dir.File("a.txt"));
            await a.WriteAsync("half"u8.ToArray());
        }

        Assert.Equal(["a.txt"], dir.FileNames());
        Assert.Equal("old a", await File.ReadAllTextAsync(dir.File("a.txt")));
    }

    [Fact]
    public async Task Create_MissingFolder_CreatesIt()
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "x", "y", "out.bin");

        await using (var set = new AtomicFileSet())
        {
            await using (var s = set.Create(target)) s.WriteByte(1);
            set.Commit();
        }

        Assert.True(File.Exists(target));
    }
}
