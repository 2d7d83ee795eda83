using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SslDsl.Package.Tests;

/// <summary>
/// The SslDsl package and its template package, packed once for the test collection by scripts/pack.sh (no
/// build: the test project's build already built src/SslDsl and templates/SslDsl.Templates in the same
/// configuration) into a temporary feed outside the repository. Its version is a unique prerelease (0.0.0-test.TIMESTAMP.PID), so the shared NuGet
/// cache never holds a stale SslDsl under a version anyone else uses; that one folder is removed again
/// on dispose.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    /// <summary>Packs the package; throws with the pack output when packing fails.</summary>
    public PackedPackage()
    {
        Version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        TempRoot = Path.Combine(Path.GetTempPath(), "ssldsl-package-test-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(TempRoot, "feed");
        Directory.CreateDirectory(Feed);
        if (RepositoryPaths.IsInside(TempRoot))
        {
            throw new InvalidOperationException($"The temporary folder {TempRoot} lies inside the repository {RepositoryPaths.Root}; set TMPDIR to a folder outside it.");
        }

        var pack = CommandLine.Run(
            "bash",
            new[] { "scripts/pack.sh", Version, Feed, "--no-build", "--disable-build-servers" },
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(5),
            ("SSLDSL_PACK_CONFIGURATION", RepositoryPaths.Configuration));
        NupkgPath = Path.Combine(Feed, $"SslDsl.{Version}.nupkg");
        TemplatesNupkgPath = Path.Combine(Feed, $"SslDsl.Templates.{Version}.nupkg");
        if (pack.ExitCode != 0 || !File.Exists(NupkgPath) || !File.Exists(TemplatesNupkgPath))
        {
            throw new InvalidOperationException($"scripts/pack.sh exited with {pack.ExitCode} and did not write {NupkgPath} and {TemplatesNupkgPath}:\n{pack.Output}");
        }

        GlobalPackagesFolder = FindGlobalPackagesFolder(TempRoot);
    }

    /// <summary>The unique version this run packed.</summary>
    public string Version { get; }

    /// <summary>A temporary folder outside the repository holding the feed and the consumer projects.</summary>
    public string TempRoot { get; }

    /// <summary>The local feed folder holding the packed package.</summary>
    public string Feed { get; }

    /// <summary>The packed .nupkg file.</summary>
    public string NupkgPath { get; }

    /// <summary>The packed template package (SslDsl.Templates, same version).</summary>
    public string TemplatesNupkgPath { get; }

    /// <summary>The NuGet global packages folder consumers under <see cref="TempRoot"/> restore into.</summary>
    public string GlobalPackagesFolder { get; }

    /// <summary>Removes the temporary folder and this version's folder from the NuGet cache.</summary>
    public void Dispose()
    {
        TryDelete(Path.Combine(GlobalPackagesFolder, "ssldsl", Version.ToLowerInvariant()));
        TryDelete(TempRoot);
    }

    private static string FindGlobalPackagesFolder(string directory)
    {
        var locals = CommandLine.Run(CommandLine.Dotnet, new[] { "nuget", "locals", "global-packages", "--list" }, directory, TimeSpan.FromMinutes(1));
        const string Prefix = "global-packages:";
        string? line = locals.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (locals.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"'dotnet nuget locals global-packages --list' gave no folder (exit {locals.ExitCode}):\n{locals.Output}");
        }

        return line.Substring(Prefix.Length).Trim();
    }

    private static void TryDelete(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
