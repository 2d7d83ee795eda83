using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SslDsl.Generators;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// Hovering an attribute argument shows its default, what is allowed and the diagnostics that report anything
/// else: the XML doc of every runtime attribute property (and constructor parameter) ends with the catalog's
/// sentences (<see cref="ParamDocs"/>), read from the built SslDsl.xml. After a catalog change, write them with
/// <c>SSLDSL_ACCEPT_DOCS=1 dotnet test tests/SslDsl.Analyzers.Tests --filter AttributeDocsTests</c>, then rebuild
/// and review the diff of src/SslDsl/Attributes.
/// </summary>
public class AttributeDocsTests
{
    [Fact]
    public void EveryArgumentDocStatesItsDefaultRangeAndDiagnostic()
    {
        var targets = AttributeDocTarget.All();
        if (Environment.GetEnvironmentVariable("SSLDSL_ACCEPT_DOCS") == "1")
        {
            string folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "..", "src", "SslDsl", "Attributes"));
            AttributeDocWriter.Write(folder, targets);
            return;
        }

        var docs = XDocument.Load(Path.ChangeExtension(typeof(PretextTaskAttribute).Assembly.Location, ".xml"));
        var members = docs.Descendants("member").ToDictionary(m => (string)m.Attribute("name")!);
        var wrong = targets
            .Select(t => (Target: t, Actual: members.TryGetValue(t.MemberId, out var m) ? Text(m, t.Parameter) : "(no doc)"))
            .Where(x => !x.Actual.EndsWith(" " + x.Target.Sentences, StringComparison.Ordinal))
            .Select(x => $"{x.Target}: ends \"{x.Actual[Math.Max(0, x.Actual.Length - x.Target.Sentences.Length)..]}\"; expected \"{x.Target.Sentences}\"")
            .ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} attribute docs disagree with the catalog (SSLDSL_ACCEPT_DOCS=1 writes them):\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void SentencesOfASharedPropertyListEachDefault()
    {
        var p = AttributeCatalog.All.Values.OfType<StepSpec>().Select(s => (ParamSpec)s.P).ToList();

        string sentences = ParamDocs.Sentences(p);

        Assert.StartsWith("Default: 1.0 (", sentences, StringComparison.Ordinal);
        Assert.Contains("ColorJitter: 0.8", sentences, StringComparison.Ordinal);
        Assert.Contains("Grayscale and Solarize: 0.2", sentences, StringComparison.Ordinal);
        Assert.EndsWith("Allowed: [0, 1]. Otherwise: SSL007.", sentences, StringComparison.Ordinal);
    }

    [Fact]
    public void SentencesNameTheRangeAndEveryCheckThatComparesTheValue()
    {
        Assert.Equal("Default: 0.08. Allowed: (0, 1]; at most MaxScale. Otherwise: SSL007, SSL026.", ParamDocs.Sentences(AttributeCatalog.RandomResizedCrop.MinScale));
        Assert.Equal("Default: 4. Allowed: >= 1; a divisor of the image's height and width; the ViT's Backbone.PatchSize for MAE on a VisionTransformer. Otherwise: SSL015, SSL043.", ParamDocs.Sentences(AttributeCatalog.PatchMask.PatchSize));
        Assert.Equal("Default: 42. Any value.", ParamDocs.Sentences(AttributeCatalog.Training.Seed));
        Assert.Equal("Default: true. Either value.", ParamDocs.Sentences(AttributeCatalog.ProjectionHead.BatchNorm));
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    /// <summary>The summary (or the param element) as a hover shows it: text only, whitespace collapsed.</summary>
    private static string Text(XElement member, string? parameter)
    {
        var element = parameter is null
            ? member.Element("summary")
            : member.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == parameter);
        return element is null ? "(no doc)" : Regex.Replace(element.Value, @"\s+", " ").Trim();
    }
}
