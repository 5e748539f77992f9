using Countdown.Preprocess.Output;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Writers;

public static partial class RawTaskWriter
{
    // The same commit as prepare's outputs (AtomicFileSet): a hidden temporary file, flushed to the disk, checked,
    // renamed over the target under the folder's lock; nothing changes on failure or cancellation.
    private static async Task WriteAtomicallyAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        await using var set = new AtomicFileSet();
        await using (var stream = set.Create(path, "--output"))
        {
            try
            {
                await write(stream);
                await stream.FlushAsync(cancellationToken);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new OutputException($"Could not write '{path}': {error.Message.TrimEnd('.')}; free some space or choose another --output. No output was changed.", path, error);
            }
        }
        set.Commit(cancellationToken);
    }
}
