using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SslDsl.Package.Tests;

/// <summary>Where the repository and this test's build live.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the first folder above the test assembly holding SslDsl.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this test project was built in (Debug or Release); src/SslDsl was built in it too.</summary>
    public static string Configuration { get; } = typeof(RepositoryPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SslDslBuildConfiguration").Value!;

    /// <summary>True when <paramref name="path"/> lies inside the repository.</summary>
    public static bool IsInside(string path) =>
        Path.GetFullPath(path).StartsWith(Root.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SslDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SslDsl.sln above {AppContext.BaseDirectory}: the package tests must run from a build inside the repository.");
    }
}
