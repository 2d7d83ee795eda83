using System;
using System.Runtime.InteropServices;

namespace SslDsl;

/// <summary>
/// Flushes a folder's entries to disk (fsync on the folder), so that a rename into it survives a
/// power loss, not only the renamed file's bytes. POSIX only: Windows has no such call, and NTFS
/// journals its metadata. Best effort: a file system that cannot sync a folder is left as it is.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>Flushes <paramref name="directory"/>'s entries; returns false when the system could not.</summary>
    public static bool Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            int fd = open(directory, ReadOnly);
            if (fd < 0)
            {
                return false;
            }

            try
            {
                return fsync(fd) == 0;
            }
            finally
            {
                _ = close(fd);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

#pragma warning disable SYSLIB1054 // A source-generated LibraryImport needs unsafe code; three plain calls do not.
    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
#pragma warning restore SYSLIB1054
}
