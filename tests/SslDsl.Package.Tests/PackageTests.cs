using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using SslDsl.Generators.Tests;
using Xunit;

namespace SslDsl.Package.Tests;

/// <summary>
/// The packed SslDsl package as a user meets it: its contents, then a brand-new console project outside
/// the repository that references it by PackageReference, builds (generator, analyzers and native fix
/// from the package), and trains one step.
/// </summary>
[Collection(PackageCollection.Name)]
public class PackageTests
{
    private readonly PackedPackage package;

    public PackageTests(PackedPackage package) => this.package = package;

    [Fact]
    public void PackageHoldsRuntimeRoslynComponentsNativeFixAndTorchDependency()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/SslDsl.dll", entries);
        Assert.Equal(
            new[] { "analyzers/dotnet/cs/SslDsl.Analyzers.CodeFixes.dll", "analyzers/dotnet/cs/SslDsl.Analyzers.dll", "analyzers/dotnet/cs/SslDsl.Generators.dll" },
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal));

        // build/ and buildTransitive/ carry the very files of the repository: one SslDsl.targets importing build/SslDsl.NativeFix.targets.
        byte[] fix = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "build", "SslDsl.NativeFix.targets"));
        byte[] entry = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "SslDsl", "Package", "SslDsl.targets"));
        foreach (var folder in new[] { "build", "buildTransitive" })
        {
            Assert.Equal(fix, Read(zip, folder + "/SslDsl.NativeFix.targets"));
            Assert.Equal(entry, Read(zip, folder + "/SslDsl.targets"));
        }

        XNamespace ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
        var nuspec = XDocument.Load(new MemoryStream(Read(zip, "SslDsl.nuspec")));
        Assert.Equal(package.Version, nuspec.Descendants(ns + "version").Single().Value);
        // The torch back end is the one TorchSharp-* package (TorchSharp.PyBridge, for PyTorch interop, is another dependency).
        var torch = nuspec.Descendants(ns + "dependency").Single(d => ((string)d.Attribute("id")!).StartsWith("TorchSharp-", StringComparison.Ordinal));
        Assert.Equal("TorchSharp-cpu", (string)torch.Attribute("id")!);
        Assert.Equal(TorchSharpVersion(), (string)torch.Attribute("version")!);

        // TorchSharp's own build checks flow to the consumer (only its analyzers are excluded).
        Assert.Equal("Analyzers", (string)torch.Attribute("exclude")!);
    }

    [Theory]
    [InlineData("cpu", "TorchSharp-cpu")]
    [InlineData("cuda", "TorchSharp-cuda-linux")]
    public void TorchBackendSwitchPicksTheTorchSharpPackage(string backend, string expected)
    {
        var items = CommandLine.Run(
            CommandLine.Dotnet,
            new[] { "msbuild", "src/SslDsl/SslDsl.csproj", "-getItem:PackageReference", "-p:SslDslTorchBackend=" + backend },
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(2));

        Assert.True(items.ExitCode == 0, items.Output);
        var torch = System.Text.Json.JsonDocument.Parse(items.Output).RootElement.GetProperty("Items").GetProperty("PackageReference")
            .EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!).Where(id => id.StartsWith("TorchSharp-", StringComparison.Ordinal));
        Assert.Equal(new[] { expected }, torch);
    }

    [Fact]
    public void ConsumerProjectBuildsRunsOneTrainingStepAndGetsTheNativeFix()
    {
        var consumer = ConsumerProject.Create(package, "Consumer", TaskSources.TinyTask, ConsumerProject.OneStepProgram);

        var build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        var run = consumer.RunBuilt("Consumer");
        Assert.True(run.ExitCode == 0, run.Output);

        // NT-Xent over 2N = 32 embeddings at temperature 0.5: cosine logits lie in [-2, 2], so each row's
        // loss -l_pos + log(sum of 31 exp(l_k)) lies in [log(1 + 30 e^-4), 4 + log(30 + e^-4)].
        string line = run.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("loss=", StringComparison.Ordinal));
        double loss = double.Parse(line.Substring("loss=".Length), CultureInfo.InvariantCulture);
        Assert.True(double.IsFinite(loss), line);
        Assert.InRange(loss, Math.Log(1 + 30 * Math.Exp(-4)), 4 + Math.Log(30 + Math.Exp(-4)));

        // Build and publish patch their copy (one flag bit) exactly when the host needs it; the NuGet cache never.
        AssertNativeFix(build, Path.Combine(consumer.OutputDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        var publish = consumer.Publish();
        Assert.True(publish.ExitCode == 0, publish.Output);
        AssertNativeFix(publish, Path.Combine(consumer.PublishDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
    }

    [Fact]
    public void WrongDeclarationFailsTheConsumerBuildWithOurDiagnostic()
    {
        string wrong = TaskSources.TinyTask.Replace("[NtXentLoss(Temperature = 0.5)]", "[NtXentLoss(Temperature = 0)]", StringComparison.Ordinal);
        Assert.NotEqual(TaskSources.TinyTask, wrong);
        var consumer = ConsumerProject.Create(package, "Broken", wrong, "System.Console.WriteLine(typeof(Tiny.TinyTask));\n");

        var build = consumer.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Task.cs(13,13): error SSL008: NtXentLoss.Temperature is 0", build.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="copied"/> differs from the NuGet cache's libLibTorchSharp.so in exactly the weak bit (0x2) of
    /// one byte, and <paramref name="step"/> logged the fix, where the host libstdc++ lacks the version; else not at all.
    /// </summary>
    private void AssertNativeFix(CommandResult step, string copied)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        byte[] original = File.ReadAllBytes(Path.Combine(package.GlobalPackagesFolder, "torchsharp", TorchSharpVersion(), "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        byte[] output = File.ReadAllBytes(copied);
        int[] differing = NativeFixCheck.DifferingOffsets(original, output);
        if (NativeFixCheck.HostNeedsFix())
        {
            int at = Assert.Single(differing);
            Assert.Equal(0x2, original[at] ^ output[at]);
            Assert.Contains("SslDsl: marked " + NativeFixCheck.Version + " weak in ", step.Output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(differing);
        }
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = (zip.GetEntry(name) ?? throw new InvalidOperationException($"The package has no {name}.")).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string TorchSharpVersion() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("TorchSharpVersion").Single().Value;
}
