using Countdown.Preprocess.Output;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Output;

public sealed partial class AtomicFileSetTests
{
    /// <summary>Writes "old a" and "old b", then a set with "new a" and "new b", not yet committed.</summary>
    private static async Task<AtomicFileSet> OldFilesAndNewSetAsync(TempDirectory dir, bool writeOldB = true)
    {
        await File.WriteAllTextAsync(dir.File("a.txt"), "old a");
        if (writeOldB) await File.WriteAllTextAsync(dir.File("b.txt"), "old b");
        var set = new AtomicFileSet();
        await using (var a = set.Create(dir.File("a.txt"))) await a.WriteAsync("new a"u8.ToArray());
        await using (var b = set.Create(dir.File("b.txt"))) await b.WriteAsync("new b"u8.ToArray());
        return set;
    }

    [Fact]
    public async Task Commit_SecondFinalNameIsFolder_ChangesNothingAndSaysSo()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("a.txt"), "old a");
        var set = new AtomicFileSet();
        await using (var a = set.Create(dir.File("a.txt"))) await a.WriteAsync("new a"u8.ToArray());
        await using (var b = set.Create(dir.File("b.txt"), "--local-dir")) await b.WriteAsync("new b"u8.ToArray());
        Directory.CreateDirectory(dir.File("b.txt"));

        var error = Assert.Throws<OutputException>(() => set.Commit());
        await set.DisposeAsync();

        Assert.Equal($"'{dir.File("b.txt")}' is a folder, so the new file cannot take its name; remove it or choose another --local-dir. No output was changed.", error.Message);
        Assert.Equal("old a", await File.ReadAllTextAsync(dir.File("a.txt")));
        Assert.Equal(["a.txt"], dir.FileNames());
    }

    [Fact]
    public async Task Commit_FinalNameIsDanglingSymlink_ChangesNothingAndSaysSo()
    {
        using var dir = new TempDirectory();
        var set = await OldFilesAndNewSetAsync(dir, writeOldB: false);
        File.CreateSymbolicLink(dir.File("b.txt"), dir.File("missing.txt"));

        var error = Assert.Throws<OutputException>(() => set.Commit());
        await set.DisposeAsync();

        Assert.Contains("is a symbolic link to", error.Message);
        Assert.Contains("the link is broken", error.Message);
        Assert.EndsWith("No output was changed.", error.Message);
        Assert.Equal("old a", await File.ReadAllTextAsync(dir.File("a.txt")));
        Assert.Equal(["a.txt", "b.txt"], dir.FileNames());
        Assert.Equal(dir.File("missing.txt"), new FileInfo(dir.File("b.txt")).LinkTarget);
    }

    [Fact]
    public async Task Commit_RenameFailsAfterFirstFile_RestoresFirstFileAndSaysNothingChanged()
    {
        using var dir = new TempDirectory();
        var set = await OldFilesAndNewSetAsync(dir);
        set.BeforeRename = index => { if (index == 1) throw new IOException("Simulated rename failure."); };

        var error = Assert.Throws<OutputException>(() => set.Commit());
        await set.DisposeAsync();

        Assert.Equal($"Cannot move the new file into place at '{dir.File("b.txt")}': Simulated rename failure; the files already there were put back. No output was changed.", error.Message);
        Assert.Equal("old a", await File.ReadAllTextAsync(dir.File("a.txt")));
        Assert.Equal("old b", await File.ReadAllTextAsync(dir.File("b.txt")));
        Assert.Equal(["a.txt", "b.txt"], dir.FileNames());
    }

    [Fact]
    public async Task Commit_RenameFailsWhereNoFileWasBefore_RemovesTheNewFiles()
    {
        using var dir = new TempDirectory();
        var set = new AtomicFileSet();
        await using (var a = set.Create(dir.File("a.txt"))) a.WriteByte(1);
        await using (var b = set.Create(dir.File("b.txt"))) b.WriteByte(2);
        set.BeforeRename = index => { if (index == 1) throw new UnauthorizedAccessException("Simulated."); };

        var error = Assert.Throws<OutputException>(() => set.Commit());
        await set.DisposeAsync();

        Assert.EndsWith("No output was changed.", error.Message);
        Assert.Empty(dir.FileNames());
    }

    [Fact]
    public async Task Commit_Succeeds_LeavesOnlyTheFinalFiles()
    {
        using var dir = new TempDirectory();
        await using (var set = await OldFilesAndNewSetAsync(dir))
            set.Commit();

        Assert.Equal(["a.txt", "b.txt"], dir.FileNames());
        Assert.Equal("new a", await File.ReadAllTextAsync(dir.File("a.txt")));
        Assert.Equal("new b", await File.ReadAllTextAsync(dir.File("b.txt")));
    }

    [Fact]
    public async Task Commit_Always_FlushesEveryFileBeforeRenamesAndTheFolderAfter()
    {
        using var dir = new TempDirectory();
        var synced = new List<(string Path, bool FinalsInPlace)>();
        await using var set = await OldFilesAndNewSetAsync(dir);
        set.Synced = path => synced.Add((path, File.ReadAllText(dir.File("b.txt")) == "new b"));

        set.Commit();

        Assert.Equal(3, synced.Count);
        Assert.All(synced.Take(2), s => Assert.EndsWith(".tmp", s.Path));
        Assert.All(synced.Take(2), s => Assert.False(s.FinalsInPlace));
        Assert.Equal((dir.Path, true), synced[2]);
    }

    [Fact]
    public async Task Commit_AfterStartFlushToDisk_FlushesEachFileOnceBeforeRenames()
    {
        using var dir = new TempDirectory();
        var synced = new System.Collections.Concurrent.ConcurrentQueue<(string Path, bool FinalsInPlace)>();
        await using var set = await OldFilesAndNewSetAsync(dir);
        set.Synced = path => synced.Enqueue((path, File.ReadAllText(dir.File("b.txt")) == "new b"));

        set.StartFlushToDisk(dir.File("a.txt"));
        set.StartFlushToDisk(dir.File("a.txt"));
        set.Commit();

        var order = synced.ToArray();
        Assert.Equal(3, order.Length);
        Assert.Equal(2, order.Take(2).Select(s => s.Path).Distinct().Count());
        Assert.All(order.Take(2), s => Assert.False(s.FinalsInPlace));
        Assert.Equal((dir.Path, true), order[2]);
        Assert.Equal("new a", await File.ReadAllTextAsync(dir.File("a.txt")));
    }

    [Fact]
    public async Task Commit_EarlyFlushFailed_ThrowsItAndChangesNothing()
    {
        using var dir = new TempDirectory();
        var set = await OldFilesAndNewSetAsync(dir);
        var temporary = Assert.Single(Directory.GetFiles(dir.Path, ".a.txt.*"));
        File.Delete(temporary);

        set.StartFlushToDisk(dir.File("a.txt"));
        var error = Assert.Throws<OutputException>(() => set.Commit());
        await set.DisposeAsync();

        Assert.StartsWith($"Cannot flush '{dir.File("a.txt")}' to the disk:", error.Message);
        Assert.Equal("old a", await File.ReadAllTextAsync(dir.File("a.txt")));
        Assert.Equal(["a.txt", "b.txt"], dir.FileNames());
    }

    [Fact]
    public async Task Commit_FileWrittenPastSeveralBackgroundFlushes_HoldsEveryByte()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[(int)(2.5 * TemporaryFileStream.WriteBehindBytes)];
        new Random(5).NextBytes(bytes);
        await using var set = new AtomicFileSet();
        await using (var stream = set.Create(dir.File("big.bin")))
        {
            int half = bytes.Length / 2;
            foreach (var chunk in bytes[..half].Chunk(100_000)) await stream.WriteAsync(chunk);
            foreach (var chunk in bytes[half..].Chunk(70_001)) stream.Write(chunk.AsSpan());
        }

        set.Commit();

        Assert.Equal(bytes, await File.ReadAllBytesAsync(dir.File("big.bin")));
    }

    [Fact]
    public async Task StartFlushToDisk_PathNotInTheSet_Throws()
    {
        using var dir = new TempDirectory();
        await using var set = await OldFilesAndNewSetAsync(dir);

        Assert.Throws<ArgumentException>(() => set.StartFlushToDisk(dir.File("c.txt")));
    }

    [Fact]
    public async Task Commit_CancelledBeforeFirstRename_ChangesNothing()
    {
        using var dir = new TempDirectory();
        var set = await OldFilesAndNewSetAsync(dir);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        Assert.Throws<OperationCanceledException>(() => set.Commit(cancel.Token));
        await set.DisposeAsync();

        Assert.Equal("old a", await File.ReadAllTextAsync(dir.File("a.txt")));
        Assert.Equal(["a.txt", "b.txt"], dir.FileNames());
    }

    [Fact]
    public async Task Commit_CancelledAfterFirstRename_CompletesTheSet()
    {
        using var dir = new TempDirectory();
        using var cancel = new CancellationTokenSource();
        await using (var set = await OldFilesAndNewSetAsync(dir))
        {
            set.BeforeRename = index => { if (index == 1) cancel.Cancel(); };
            set.Commit(cancel.Token);
        }

        Assert.Equal("new a", await File.ReadAllTextAsync(dir.File("a.txt")));
        Assert.Equal("new b", await File.ReadAllTextAsync(dir.File("b.txt")));
    }

    [Fact]
    public async Task Commit_AnotherSetIsHalfWay_WaitsForItAndNeverMixes()
    {
        using var dir = new TempDirectory();
        using var firstHalfWay = new ManualResetEventSlim();
        using var secondWaits = new ManualResetEventSlim();
        var first = await OldFilesAndNewSetAsync(dir);
        first.BeforeRename = index =>
        {
            if (index != 1) return;
            firstHalfWay.Set();
            Assert.True(secondWaits.Wait(TimeSpan.FromSeconds(30)));
        };
        var second = new AtomicFileSet { WaitingForLock = _ => secondWaits.Set() };
        await using (var a = second.Create(dir.File("a.txt"))) await a.WriteAsync("second a"u8.ToArray());
        await using (var b = second.Create(dir.File("b.txt"))) await b.WriteAsync("second b"u8.ToArray());

        var firstCommit = Task.Run(() => first.Commit());
        Assert.True(firstHalfWay.Wait(TimeSpan.FromSeconds(30)));
        var secondCommit = Task.Run(() => second.Commit());
        await Task.WhenAll(firstCommit, secondCommit);
        await first.DisposeAsync();
        await second.DisposeAsync();

        Assert.True(secondWaits.IsSet);
        Assert.Equal("second a", await File.ReadAllTextAsync(dir.File("a.txt")));
        Assert.Equal("second b", await File.ReadAllTextAsync(dir.File("b.txt")));
        Assert.Equal(["a.txt", "b.txt"], dir.FileNames());
    }
}
