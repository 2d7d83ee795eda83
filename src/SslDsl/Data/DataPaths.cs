using System.IO;

namespace SslDsl;

/// <summary>Tells "not found" apart from "a folder where a file belongs" and "a file where a folder belongs" in the loaders' messages.</summary>
internal static class DataPaths
{
    /// <summary>Throws when <paramref name="path"/> is a folder; <paramref name="what"/> says which file was expected.</summary>
    /// <exception cref="DatasetFormatException">The path is a folder.</exception>
    public static void NotAFolder(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new DatasetFormatException(path, $"is a folder; a file was expected here ({what}).");
        }
    }

    /// <summary>Throws when <paramref name="path"/> is a file; <paramref name="what"/> says which folder was expected.</summary>
    /// <exception cref="DatasetFormatException">The path is a file.</exception>
    public static void NotAFile(string path, string what)
    {
        if (File.Exists(path))
        {
            throw new DatasetFormatException(path, $"is a file; a folder was expected here ({what}).");
        }
    }
}
