using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SslDsl.Generators;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// The catalogue as a whole: every descriptor is supported by the analyzer, has a failing case,
/// a section in docs/diagnostics.md its help link points at, and a row in the release tracking file.
/// </summary>
public class CatalogueTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void IdsRunFromSsl001ToSsl038AndFromSsl040ToSsl054WithoutGaps()
    {
        // SSL039 is unused (it was reserved during parallel work of issue 15).
        var expected = Enumerable.Range(1, 38).Concat(Enumerable.Range(40, 15)).Select(i => $"SSL{i:000}").ToArray();
        Assert.Equal(expected, Descriptors.Select(d => d.Id).OrderBy(id => id).ToArray());
    }

    [Fact]
    public void SeveritiesMatchTheContract()
    {
        // DSL.md section 3: SSL011, SSL012 and SSL014 are warnings, every other ID an error; SSL032 (a warm-up
        // as long as training) was added as a warning.
        var warnings = new[] { "SSL011", "SSL012", "SSL014", "SSL032" };
        foreach (var d in Descriptors)
        {
            Assert.Equal(warnings.Contains(d.Id) ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault, d.Id);
        }
    }

    [Fact]
    public void AnalyzerSupportsEveryDescriptor()
    {
        var supported = new PretextTaskAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        Assert.All(Descriptors, d => Assert.Contains(d.Id, supported));
    }

    [Fact]
    public void EveryIdHasAFailingCase()
    {
        var covered = Catalogue.Failing.Select(c => c.Id).ToHashSet();
        Assert.All(Descriptors, d => Assert.Contains(d.Id, covered));
        Assert.All(Catalogue.Failing, c => Assert.Contains("{|" + c.Id + ":", c.Source));
    }

    [Fact]
    public void HelpLinksPointAtTheirSectionOfTheDocs()
    {
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        foreach (var d in Descriptors)
        {
            Assert.Equal("https://github.com/SslDsl/SslDsl/blob/main/docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            Assert.Contains("\n## " + d.Id + "\n", docs.Replace("\r\n", "\n"));
            string section = docs.Substring(docs.IndexOf("## " + d.Id, System.StringComparison.Ordinal));
            Assert.Contains("Severity: " + (d.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning"), section.Substring(0, 400));
        }
    }

    [Fact]
    public void EveryIdIsTrackedForRelease()
    {
        string root = RepoRoot();
        string tracked = File.ReadAllText(Path.Combine(root, "analyzers", "SslDsl.Analyzers", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(root, "analyzers", "SslDsl.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var d in Descriptors)
        {
            Assert.Contains($"{d.Id} | SslDsl | {d.DefaultSeverity} |", tracked);
        }
    }

    [Fact]
    public void MessagesUseEveryPlaceholderTheValidatorFills()
    {
        foreach (var d in Descriptors)
        {
            string format = d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain("  ", format);
            Assert.True(char.IsUpper(format[0]) || format[0] is '[' or '{', d.Id);
            Assert.False(format.EndsWith(".", System.StringComparison.Ordinal), d.Id + ": Roslyn messages do not end with a period");
        }
    }

    /// <summary>The repository root (the folder holding SslDsl.sln), found from the test's output folder.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(System.AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SslDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("SslDsl.sln not found above " + System.AppContext.BaseDirectory);
    }
}
