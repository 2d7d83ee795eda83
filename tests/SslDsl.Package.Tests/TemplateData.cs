using System;
using System.IO;
using System.Linq;
using Xunit.Sdk;

namespace SslDsl.Package.Tests;

/// <summary>
/// The real data the template projects train on: $SSLDSL_DATA (else the repository's .data folder) for the
/// scikit-learn and statsmodels tables, and Debian's Fashion-MNIST and fortune folders. Missing data fails the
/// test with the command that fetches it; it is never skipped.
/// </summary>
internal static class TemplateData
{
    /// <summary>The data folder to pass as SSLDSL_DATA, after checking that every file the templates read is there.</summary>
    public static string Directory()
    {
        string root = Environment.GetEnvironmentVariable("SSLDSL_DATA") is { Length: > 0 } fromEnv ? fromEnv : Path.Combine(RepositoryPaths.Root, ".data");
        var required = new[]
        {
            Path.Combine(root, "sklearn", "datasets", "data", "breast_cancer.csv"),
            Path.Combine(root, "statsmodels", "datasets", "co2", "co2.csv"),
            "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz",
            "/usr/share/games/fortunes/computers",
        };
        var missing = required.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            throw new XunitException($"Real data missing: {string.Join(", ", missing)}. Run scripts/fetch-data.sh (from the repository root) to fetch the real data sets.");
        }

        return root;
    }
}
