using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace SslDsl.Package.Tests;

/// <summary>
/// The dotnet new templates as a user meets them: the packed SslDsl.Templates installed (into a private template
/// hive, so the machine's templates are untouched), each template instantiated outside the repository, restored
/// against the packed SslDsl of the same version, built with no SslDsl diagnostic, and run for one short epoch on
/// the real data scripts/fetch-data.sh installs.
/// </summary>
[Collection(PackageCollection.Name)]
public class TemplateTests
{
    /// <summary>Each template: its short name, the project name given to it, its arguments and the line its run must print.</summary>
    private static readonly (string ShortName, string Project, string[] Arguments, string Expected)[] Templates =
    {
        ("ssldsl-simclr", "SimClrApp", new[] { "--limit", "256" }, "linear probe after 1 epoch(s): test accuracy "),
        ("ssldsl-scarf", "ScarfApp", Array.Empty<string>(), "linear probe after 1 epoch(s): test accuracy "),
        ("ssldsl-mlm", "MlmApp", new[] { "--limit", "256" }, "pretrained 1 epoch(s) on 256 fortunes: masked-token loss "),
        ("ssldsl-forecast", "ForecastApp", Array.Empty<string>(), "pretrained 1 epoch(s) on "),
    };

    private static readonly Regex SslDiagnostic = new(@"\b(warning|error) SSL\d{3}\b", RegexOptions.Compiled);

    private readonly PackedPackage package;

    public TemplateTests(PackedPackage package) => this.package = package;

    [Fact]
    public void RealData_EachTemplateBuildsWithoutSslDiagnosticsAndTrainsOneEpoch()
    {
        string data = TemplateData.Directory();
        string hive = Path.Combine(package.TempRoot, "template-hive");
        string projects = Path.Combine(package.TempRoot, "templates");
        Directory.CreateDirectory(projects);
        ConsumerProject.WriteNuGetConfig(projects, package);
        var install = DotnetNew(new[] { "install", package.TemplatesNupkgPath }, projects, hive);
        Assert.True(install.ExitCode == 0, install.Output);

        foreach (var (shortName, name, arguments, expected) in Templates)
        {
            var created = DotnetNew(new[] { shortName, "--name", name, "--output", name }, projects, hive);
            Assert.True(created.ExitCode == 0, created.Output);
            var project = ConsumerProject.At(Path.Combine(projects, name));
            Assert.Contains($"<PackageReference Include=\"SslDsl\" Version=\"{package.Version}\" />", File.ReadAllText(Path.Combine(project.Directory, name + ".csproj")), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(project.Directory, "scripts", "fetch-data.sh")), $"{shortName} has no scripts/fetch-data.sh");

            var build = project.Build();
            Assert.True(build.ExitCode == 0, $"{shortName}:\n{build.Output}");
            Assert.False(SslDiagnostic.IsMatch(build.Output), $"{shortName} builds with an SslDsl diagnostic:\n{build.Output}");

            var run = project.RunBuilt(name, arguments, ("SSLDSL_DATA", data));
            Assert.True(run.ExitCode == 0, $"{shortName}:\n{run.Output}");
            Assert.Contains(expected, run.Output, StringComparison.Ordinal);

            // Each output folder holds a copy of libtorch (about 1 GB): keep one at a time.
            Directory.Delete(Path.Combine(project.Directory, "bin"), recursive: true);
        }
    }

    [Theory]
    [InlineData("simclr", "samples/FashionMnist.SimClr/FashionSimClr.cs", "FashionSimClrSample")]
    [InlineData("scarf", "samples/Tabular.Scarf/BreastCancerScarf.cs", "TabularScarfSample")]
    [InlineData("mlm", "samples/Text.Mlm/FortuneMlm.cs", "TextMlmSample")]
    [InlineData("forecast", "samples/TimeSeries.Forecast/Co2Tasks.cs", "TimeSeriesForecastSample")]
    public void EachTemplateCarriesItsSamplesDeclarationArgumentsAndDataScripts(string template, string sample, string sampleNamespace)
    {
        using var zip = ZipFile.OpenRead(package.TemplatesNupkgPath);
        string Read(string path)
        {
            using var reader = new StreamReader((zip.GetEntry($"content/{template}/{path}") ?? throw new InvalidOperationException($"{template} has no {path}.")).Open());
            return reader.ReadToEnd();
        }

        // The declaration is the sample's file, in the namespace dotnet new renames to the project's.
        string expected = File.ReadAllText(Path.Combine(RepositoryPaths.Root, sample)).Replace($"namespace {sampleNamespace};", "namespace SslDslTask;", StringComparison.Ordinal);
        Assert.Equal(expected.TrimEnd(), Read(Path.GetFileName(sample)).TrimEnd());
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "templates", "SslDsl.Templates", "shared", "Arguments.cs")), Read("Arguments.cs"));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "scripts", "fetch-data.sh")), Read("scripts/fetch-data.sh"));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "scripts", "lib", "apt.sh")), Read("scripts/lib/apt.sh"));
        Assert.Contains($"\"defaultValue\": \"{package.Version}\"", Read(".template.config/template.json"), StringComparison.Ordinal);
    }

    private CommandResult DotnetNew(string[] arguments, string directory, string hive) =>
        CommandLine.Run(CommandLine.Dotnet, new[] { "new" }.Concat(arguments).Concat(new[] { "--debug:custom-hive", hive }), directory, TimeSpan.FromMinutes(2));
}
