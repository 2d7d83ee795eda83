using System;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>
/// Where the data that <c>scripts/fetch-data.sh</c> unpacks lives: the folder given, else <c>$SSLDSL_DATA</c>,
/// else <c>.data</c> under the current folder.
/// </summary>
public static class DataDirectory
{
    /// <summary>The environment variable naming the data folder.</summary>
    public const string Variable = "SSLDSL_DATA";

    /// <summary>The hint every "file not found" message of the real-data loaders ends with.</summary>
    public const string FetchHint =
        "Run scripts/fetch-data.sh (it unpacks the Debian packages python3-sklearn and python3-statsmodels into $SSLDSL_DATA, default <repo>/.data) and pass that folder or set SSLDSL_DATA.";

    /// <summary>The data folder: <paramref name="directory"/>, else $SSLDSL_DATA, else ./.data.</summary>
    public static string Resolve(string? directory = null) =>
        directory ?? Environment.GetEnvironmentVariable(Variable) ?? Path.Combine(Directory.GetCurrentDirectory(), ".data");

    /// <summary>
    /// The first of <paramref name="relativeCandidates"/> that exists under the data folder, or a
    /// <see cref="FileNotFoundException"/> naming the places looked in.
    /// </summary>
    public static string FindFile(string? directory, string what, params string[] relativeCandidates)
    {
        string root = Resolve(directory);
        DataPaths.NotAFile(root, "the data folder (scripts/fetch-data.sh fills it)");
        var paths = relativeCandidates.Select(c => Path.Combine(root, c)).ToArray();
        foreach (var p in paths)
        {
            DataPaths.NotAFolder(p, what);
            if (File.Exists(p))
            {
                return p;
            }
        }

        throw new FileNotFoundException($"{what} was not found; looked for {string.Join(" and ", paths)}. {FetchHint}", paths[0]);
    }
}
