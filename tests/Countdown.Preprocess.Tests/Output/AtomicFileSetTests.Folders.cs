using Countdown.Preprocess.Output;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Output;

public sealed partial class AtomicFileSetTests
{
    [Fact]
    public async Task Dispose_UncommittedSetInNewFolders_RemovesTheFoldersItCreated()
    {
        using var dir = new TempDirectory();

        await using (var set = new AtomicFileSet())
        {
            await using var s = set.Create(Path.Combine(dir.Path, "x", "y", "out.bin"));
            s.WriteByte(1);
        }

        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Dispose_CreatedFolderGainedOtherFiles_KeepsIt()
    {
        using var dir = new TempDirectory();

        await using (var set = new AtomicFileSet())
        {
            await using var s = set.Create(Path.Combine(dir.Path, "x", "out.bin"));
            await File.WriteAllTextAsync(Path.Combine(dir.Path, "x", "other.txt"), "someone else's");
        }

        Assert.Equal(["x/other.txt"], dir.Files());
    }

    [Fact]
    public async Task Create_FolderIsDanglingSymlink_SaysTheLinkTargetDoesNotExist()
    {
        using var dir = new TempDirectory();
        var link = dir.File("out");
        Directory.CreateSymbolicLink(link, dir.File("gone"));
        await using var set = new AtomicFileSet();

        var error = Assert.Throws<OutputException>(() => set.Create(Path.Combine(link, "train.parquet"), "--local-dir"));

        Assert.Equal($"Cannot create the folder '{link}': '{link}' is a symbolic link to '{dir.File("gone")}', which does not exist; create '{dir.File("gone")}' or choose another --local-dir. No output was changed.", error.Message);
        Assert.DoesNotContain("already exists", error.Message);
    }

    [Fact]
    public async Task Create_TemporariesOfDeadProcess_RemovesThoseOfItsName()
    {
        using var dir = new TempDirectory();
        var dead = DeadProcess.Id();
        await File.WriteAllTextAsync(dir.File($".a.txt.{dead}.0.tmp"), "left behind");
        await File.WriteAllTextAsync(dir.File($".a.txt.{dead}.7.tmp"), "left behind");
        await File.WriteAllTextAsync(dir.File($".notes.{dead}.1.tmp"), "a user's file that happens to look like ours");
        await File.WriteAllTextAsync(dir.File($".a.txt.{dead}.x.tmp"), "another shape: not ours");
        await File.WriteAllTextAsync(dir.File($".a.txt.{dead}.1.bak"), "a user's backup, not ours");

        await using (var set = new AtomicFileSet())
        {
            await using var stream = set.Create(dir.File("a.txt"));
        }

        Assert.Equal([$".a.txt.{dead}.1.bak", $".a.txt.{dead}.x.tmp", $".notes.{dead}.1.tmp"], dir.FileNames());
    }

    [Fact]
    public async Task Create_BackupOfDeadProcess_PutsItBackAsHalfWayCommit()
    {
        using var dir = new TempDirectory();
        var dead = DeadProcess.Id();
        await File.WriteAllTextAsync(dir.File("a.txt"), "new a");
        await File.WriteAllTextAsync(dir.File($".a.txt.{dead}.2.countdown-backup"), "old a");
        await File.WriteAllTextAsync(dir.File("b.txt"), "old b");
        await File.WriteAllTextAsync(dir.File($".b.txt.{dead}.1.tmp"), "new b");

        await using (var set = new AtomicFileSet())
        {
            await using var stream = set.Create(dir.File("b.txt"));
        }

        Assert.Equal(["a.txt", "b.txt"], dir.FileNames());
        Assert.Equal("old a", await File.ReadAllTextAsync(dir.File("a.txt")));
        Assert.Equal("old b", await File.ReadAllTextAsync(dir.File("b.txt")));
    }

    [Fact]
    public async Task Create_TemporaryOfLiveProcess_KeepsIt()
    {
        using var dir = new TempDirectory();
        // Process 1 runs for as long as the machine does and started before this file was written.
        var live = dir.File(".a.txt.1.0.tmp");
        await File.WriteAllTextAsync(live, "still being written");

        await using (var set = new AtomicFileSet())
        {
            await using var stream = set.Create(dir.File("a.txt"));
        }

        Assert.True(File.Exists(live));
    }

    [Fact]
    public async Task Create_TemporaryWrittenBeforeItsLiveProcessStarted_RemovesItAsReusedId()
    {
        using var dir = new TempDirectory();
        // Process 1 is alive, but it started after 2001: a file last written in 2000 was left by an earlier process 1.
        var reused = dir.File(".a.txt.1.0.tmp");
        await File.WriteAllTextAsync(reused, "left behind");
        File.SetLastWriteTimeUtc(reused, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        await using (var set = new AtomicFileSet())
        {
            await using var stream = set.Create(dir.File("a.txt"));
        }

        Assert.False(File.Exists(reused));
    }
}
