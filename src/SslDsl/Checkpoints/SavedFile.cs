using System.IO;

namespace SslDsl;

/// <summary>Opens a saved checkpoint or encoder file, telling "not found" apart from "is a folder".</summary>
internal static class SavedFile
{
    /// <summary>Opens <paramref name="path"/> for reading.</summary>
    /// <param name="path">The file.</param>
    /// <param name="kind">What the file should be, with its article ("a checkpoint", "an encoder"), for messages.</param>
    /// <param name="notFound">The message when nothing exists at the path.</param>
    /// <exception cref="FileNotFoundException">Nothing exists at the path.</exception>
    /// <exception cref="CheckpointMismatchException">The path is a folder.</exception>
    public static FileStream OpenExisting(string path, string kind, string notFound)
    {
        if (Directory.Exists(path))
        {
            throw new CheckpointMismatchException(path, $"is a folder, not {kind} file. Pass the path of the file itself.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException(notFound, path);
        }

        return File.OpenRead(path);
    }
}
