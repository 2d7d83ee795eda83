using System;
using System.IO;

namespace SslDsl;

/// <summary>
/// Writes files so that a reader sees either the old content or the complete new one: the
/// bytes go to a temporary file in the same folder (same file system, so the rename is atomic),
/// are flushed to disk (fsync), and only then replace the target; then the folder itself is
/// flushed (see <see cref="DirectorySync"/>) so that the rename survives a power loss. A failed write deletes its
/// temporary file; <see cref="CleanLeftovers"/> removes those a killed process left behind.
/// </summary>
public static class AtomicFile
{
    /// <summary>The marker in the names of temporary files: <c>name.tmp-PID-RANDOM</c>.</summary>
    public const string TempMarker = ".tmp-";

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <exception cref="IOException">The folder cannot be written; the target is left as it was.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        string temp = TempPath(full);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            DirectorySync.Flush(dir);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>, atomically.</summary>
    public static void Copy(string source, string destination)
    {
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"Cannot copy '{source}' to '{destination}': the source does not exist.", source);
        }

        Write(destination, target =>
        {
            using var input = File.OpenRead(source);
            input.CopyTo(target);
        });
    }

    /// <summary>
    /// Deletes the temporary files a killed writer left in <paramref name="directory"/> (only names
    /// of the form <c>*.tmp-*</c> ending a file named <paramref name="pattern"/>). Returns how many were removed.
    /// </summary>
    public static int CleanLeftovers(string directory, string pattern = "*")
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        int removed = 0;
        foreach (var file in Directory.EnumerateFiles(directory, pattern + TempMarker + "*"))
        {
            if (TryDelete(file))
            {
                removed++;
            }
        }

        return removed;
    }

    private static string TempPath(string full) =>
        full + TempMarker + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
