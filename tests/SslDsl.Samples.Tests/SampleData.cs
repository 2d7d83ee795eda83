using System;
using System.IO;
using SslDsl;
using Xunit.Sdk;

namespace SslDsl.Samples.Tests;

/// <summary>
/// The real data the sample tests read, found like the runtime's data tests do: $SSLDSL_DATA, else the .data folder
/// of the repository. Missing data fails the test with the command that fetches it; it is never skipped.
/// </summary>
internal static class SampleData
{
    public const string FetchCommand = "run scripts/fetch-data.sh (from the repository root) to fetch the real data sets";

    /// <summary>The data folder that scripts/fetch-data.sh fills, holding <paramref name="relative"/>.</summary>
    public static string Root(string relative)
    {
        string? root = Environment.GetEnvironmentVariable(DataDirectory.Variable);
        if (string.IsNullOrEmpty(root))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && root is null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SslDsl.sln")))
                {
                    root = Path.Combine(dir.FullName, ".data");
                }
            }
        }

        if (root is null || !File.Exists(Path.Combine(root, relative)))
        {
            throw new XunitException($"Real data missing: {relative} under {root ?? "(no repository root found)"}. {FetchCommand}.");
        }

        return root;
    }

    /// <summary>The Fashion-MNIST folder; fails the test with the fetch command when missing.</summary>
    public static string FashionMnistDirectory() => Require(FashionMnist.DefaultDirectory, "train-images-idx3-ubyte.gz", "Fashion-MNIST (Debian package dataset-fashion-mnist)");

    /// <summary>The fortune folder; fails the test with the fetch command when missing.</summary>
    public static string FortunesDirectory() => Require(TextCorpus.FortunesDirectory, "computers", "the fortunes (Debian packages fortunes-min, fortunes)");

    private static string Require(string directory, string file, string what)
    {
        if (!File.Exists(Path.Combine(directory, file)))
        {
            throw new XunitException($"Real data missing: {Path.Combine(directory, file)} ({what}). {FetchCommand}.");
        }

        return directory;
    }

    /// <summary>A fresh empty output folder under the temp folder.</summary>
    public static string OutputFolder(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), "ssldsl-sample-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
