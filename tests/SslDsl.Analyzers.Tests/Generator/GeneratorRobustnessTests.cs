using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SslDsl.Generators;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// The generator and the analyzer together on declarations with errors: the generator never throws
/// (no CS8785), emits only a shell for a task with an error (nothing where the class is not partial), and
/// no compiler error stands in generated code; the analyzer never throws (no AD0001) and reports the
/// catalogue's diagnostic.
/// </summary>
public class GeneratorRobustnessTests
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    [Theory]
    [MemberData(nameof(Catalogue.Cases), MemberType = typeof(Catalogue))]
    public async Task FailingCaseGetsOurDiagnosticAndNoBrokenGeneratedCode(string id, string source)
    {
        var run = await RunAsync(Markup.Strip(source));

        Assert.Contains(run.Diagnostics, d => d.Id == id);
        Assert.Empty(run.Diagnostics.Where(d => d.Id is "AD0001" or "CS8784" or "CS8785"));
        Assert.Empty(run.Diagnostics.Where(d => d.Id.StartsWith("CS", System.StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error));

        // A class with one of our errors gets a shell, or nothing when it is not partial (SSL001: reopening it would
        // not compile). SSL024 is compilation-wide (the analyzer compares tasks): each of the two tasks is valid on
        // its own, and its generated code compiles.
        foreach (var error in run.Diagnostics.Where(d => d.Id.StartsWith("SSL", System.StringComparison.Ordinal) && d.Id != "SSL024" && d.Severity == DiagnosticSeverity.Error))
        {
            string? owner = GeneratedFor.OwnerClass(error);
            if (owner is not null)
            {
                string? file = GeneratedFor.FileFor(run.GeneratedHintNames, owner);
                if (error.Id == "SSL001")
                {
                    Assert.True(file is null, $"{id}: {owner} is not partial, yet has generated code");
                }
                else
                {
                    Assert.True(file is not null && GeneratedFor.IsShell(run.Generated[file]), $"{id}: {owner} has {(file is null ? "no shell" : "generated code")} despite {error}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(HalfTypedCodeTests.Cases), MemberType = typeof(HalfTypedCodeTests))]
    public async Task HalfTypedCodeBreaksNeitherGeneratorNorAnalyzer(string what, string source)
    {
        var run = await RunAsync(source);

        Assert.True(run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), what + ": the case is meant to be a compiler error");
        Assert.Empty(run.Diagnostics.Where(d => d.Id is "AD0001" or "CS8784" or "CS8785"));
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && run.GeneratedTrees.Contains(tree)));
        if (!HalfTypedCodeTests.SoundDeclarations.Contains(what))
        {
            Assert.All(run.Generated.Values, text => Assert.True(GeneratedFor.IsShell(text), what + ": generated code for a declaration the compiler rejects"));
        }
    }

    /// <summary>
    /// Typing emulated on every catalogue case: each prefix of the source (cut at 16 evenly spaced
    /// points) and the source with 7 characters deleted at 16 points. Neither the generator nor the
    /// analyzer may throw, and where the edit leaves a compiler error in the user's code, no error may
    /// stand in generated code.
    /// </summary>
    [Theory]
    [MemberData(nameof(Catalogue.Cases), MemberType = typeof(Catalogue))]
    public async Task EditsOfAFailingCaseNeverBreakGeneratorOrAnalyzer(string id, string source)
    {
        string text = Markup.Strip(source);
        const int Points = 16;
        for (int i = 1; i < Points; i++)
        {
            int at = text.Length * i / Points;
            foreach (var edited in new[] { text.Substring(0, at), text.Remove(at, System.Math.Min(7, text.Length - at)) })
            {
                var run = await RunAsync(edited);
                Assert.False(run.Diagnostics.Any(d => d.Id is "AD0001" or "CS8784" or "CS8785"), $"{id}, edit at {at}: {string.Join("; ", run.Diagnostics.Where(d => d.Id is "AD0001" or "CS8784" or "CS8785"))}");

                // An edit that leaves the user's code with compiler errors must leave generated code without any.
                // (An edit that yields a valid declaration is generated as designed: the emitters' own tests cover that code.)
                bool userCodeHasErrors = run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal) &&
                    !(d.Location.SourceTree is { } t && run.GeneratedTrees.Contains(t)));
                if (userCodeHasErrors)
                {
                    var inGenerated = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && run.GeneratedTrees.Contains(tree)).ToList();
                    Assert.True(inGenerated.Count == 0, $"{id}, edit at {at}: {string.Join("; ", inGenerated)}\nuser code errors: {string.Join("; ", run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !inGenerated.Contains(d)))}\n{edited}");
                }
            }
        }
    }

    [Fact]
    public async Task ValidTaskIsGeneratedAndCompiles()
    {
        var run = await RunAsync(Sources.Task(Sources.SimClr) + "\nstatic class Use { static object M() => new T.Trainer(); }\n");

        Assert.Equal(new[] { "T.SslDsl.g.cs" }, run.GeneratedHintNames);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("SSL", System.StringComparison.Ordinal)));
    }

    /// <summary>What one run of the generator and the analyzer gave.</summary>
    internal sealed record Run(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> GeneratedHintNames, HashSet<SyntaxTree> GeneratedTrees, IReadOnlyDictionary<string, string> Generated);

    /// <summary>Runs the generator on <paramref name="source"/>, then the compiler and the analyzer on the result.</summary>
    internal static async Task<Run> RunAsync(string source)
    {
        var compilation = CSharpCompilation.Create(
            "GeneratorRobustness",
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Task.cs") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new PretextTaskGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);

        var withAnalyzers = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PretextTaskAnalyzer()));
        var diagnostics = generatorDiagnostics.AddRange(await withAnalyzers.GetAllDiagnosticsAsync());
        return new Run(
            diagnostics,
            result.GeneratedSources.Select(s => s.HintName).ToList(),
            result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet(),
            result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()));
    }
}
