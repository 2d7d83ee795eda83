using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SslDsl.Generators;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// Runs the generator on one mutant and lists what went wrong: an exception out of it
/// (GeneratorRunResult.Exception, CS8784/CS8785), its own SSL900 (an emitter that threw), a generated
/// file with a syntax error, and, where the user's code has compiler errors, any compiler error in
/// generated code. A sampled mutant also gets the analyzer (an exception or AD0001; generated code other
/// than a shell for a class the analyzer reports an error on, SSL024 aside, which compares tasks across the
/// compilation) and the compiler check of generated code even where the user's code is clean.
/// </summary>
internal static class MutantCheck
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// The compilation every mutant is added to: compilations derived from one share its resolved references
    /// (the framework, SslDsl and TorchSharp symbols), which a fresh CSharpCompilation.Create would resolve again.
    /// </summary>
    private static readonly CSharpCompilation Empty = CSharpCompilation.Create(
        "Fuzz",
        Array.Empty<SyntaxTree>(),
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>One driver, created once: each run starts from its empty state, so every mutant is a fresh run.</summary>
    private static readonly GeneratorDriver Driver =
        CSharpGeneratorDriver.Create(new[] { new PretextTaskGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new PretextTaskAnalyzer());

    /// <summary>The problems found on <paramref name="mutant"/>; empty when generator and analyzer held.</summary>
    public static IReadOnlyList<string> Problems(Mutant mutant, bool sampled)
    {
        var problems = new List<string>();
        var tree = CSharpSyntaxTree.ParseText(mutant.Text, ParseOptions, path: "Task.cs");
        var compilation = Empty.AddSyntaxTrees(tree);

        var driver = Driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            problems.Add("generator threw " + result.Exception);
        }

        problems.AddRange(generatorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785" or "SSL900").Select(d => "generator: " + d));

        var generated = result.GeneratedSources;
        foreach (var source in generated)
        {
            problems.AddRange(source.SyntaxTree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"syntax error in {source.HintName}: {d}"));
        }

        if (generated.Length > 0 && problems.Count == 0)
        {
            var inUserCode = output.GetSemanticModel(tree).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (inUserCode.Count > 0 || sampled)
            {
                var inGenerated = generated.SelectMany(s => output.GetSemanticModel(s.SyntaxTree).GetDiagnostics())
                    .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (inGenerated.Count > 0)
                {
                    problems.Add($"error in generated code: {inGenerated[0]} (user code has {inUserCode.Count} errors{(inUserCode.Count > 0 ? ", first " + inUserCode[0] : "")})");
                }
            }
        }

        if (sampled)
        {
            var texts = generated.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
            problems.AddRange(AnalyzerProblems(output, texts, out bool analyzerReportsError));

            // The generator swallows its own exceptions (half-typed code must not break a build), so a task
            // that compiles and that the analyzer passes, yet has no generated file, is how one would show.
            if (!analyzerReportsError && !output.GetSemanticModel(tree).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                problems.AddRange(tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
                    .Where(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "PretextTask" or "MultiTaskPretraining"))
                    .Where(c => GeneratedFor.FileFor(texts.Keys, c.Identifier.ValueText) is not { } file || GeneratedFor.IsShell(texts[file]))
                    .Select(c => $"no generated code (at most a shell) for {c.Identifier.ValueText}, which compiles and passes the analyzer"));
            }
        }

        return problems;
    }

    private static List<string> AnalyzerProblems(Compilation output, IReadOnlyDictionary<string, string> generated, out bool reportsError)
    {
        var problems = new List<string>();
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => exceptions.Add("analyzer threw " + exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = output.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

        problems.AddRange(exceptions);
        reportsError = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                problems.Add("analyzer: " + diagnostic);
            }
            else if (diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Id != "SSL024" &&
                     GeneratedFor.OwnerClass(diagnostic) is { } owner && GeneratedFor.FileFor(generated.Keys, owner) is { } file && !GeneratedFor.IsShell(generated[file]))
            {
                problems.Add($"generated code (not a shell) for {owner} despite the analyzer's {diagnostic}");
            }
        }

        return problems;
    }
}
