using System;
using System.IO;
using Xunit.Sdk;

namespace SslDsl.Tests.DataTests;

/// <summary>
/// Finds the real data the [Trait("Data", "Real")] tests read: $SSLDSL_DATA, else the .data folder of the
/// repository (found by walking up from the test binaries). A missing data set fails the test with the
/// command that fetches it; it is never skipped silently.
/// </summary>
internal static class RealData
{
    public const string FetchCommand = "run scripts/fetch-data.sh (from the repository root) to fetch the real data sets";

    /// <summary>The data folder that scripts/fetch-data.sh fills.</summary>
    public static string Root()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("SSLDSL_DATA");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SslDsl.sln")))
            {
                return Path.Combine(dir.FullName, ".data");
            }
        }

        throw new XunitException($"Cannot locate the repository root above {AppContext.BaseDirectory}; set SSLDSL_DATA or {FetchCommand}.");
    }

    /// <summary>The path of <paramref name="relative"/> under the data folder; fails the test with the fetch command when missing.</summary>
    public static string Require(string relative)
    {
        string path = Path.Combine(Root(), relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new XunitException($"Real data missing: {path}. {FetchCommand}.");
        }

        return path;
    }

    /// <summary>The Debian fortune folder; fails the test with the fetch command when missing.</summary>
    public static string FortunesDirectory()
    {
        if (!File.Exists(Path.Combine(TextCorpus.FortunesDirectory, "fortunes")))
        {
            throw new XunitException($"Real data missing: {TextCorpus.FortunesDirectory}/fortunes (Debian package fortunes-min). {FetchCommand}.");
        }

        return TextCorpus.FortunesDirectory;
    }
}
