using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SslDsl.Generators;
using SslDsl.Generators.Tests;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// Regression tests for what the generator fuzz (<see cref="GeneratorFuzzTests"/>) found. The third
/// finding, [Views(int.MaxValue)] running the generator out of memory, is SSL026's
/// Ssl024To026Tests.HugeViewCountIsReported (a reported error stops generation).
/// </summary>
public class GeneratorFuzzFindingsTests
{
    /// <summary>Multi-task members in the global namespace: the member fields were named "global::SimClr".</summary>
    [Fact]
    public void MultiTaskOverMembersInTheGlobalNamespaceCompiles()
    {
        string source = Markup.Strip(Ssl019MultiTaskTests.Failing).Replace("[Objective(typeof(string))]", "", System.StringComparison.Ordinal);

        var (output, hintNames) = Generate(source);

        Assert.Contains("Joint.SslDsl.g.cs", hintNames);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>A namespace or enclosing class without a name yet (being typed): the generated code repeated the gap.</summary>
    [Theory]
    [InlineData("namespace Tiny;", "namespace ;")]
    [InlineData("namespace Tiny;", "namespace Tiny.;")]
    public void TaskInsideAnUnnamedNamespaceGetsNoGeneratedCode(string original, string typed)
    {
        string source = TaskSources.TinyTask.Replace(original, typed, System.StringComparison.Ordinal);
        Assert.NotEqual(TaskSources.TinyTask, source);

        var (output, hintNames) = Generate(source);

        Assert.Empty(hintNames);
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS1001");
    }

    [Fact]
    public void TaskInsideAnUnnamedEnclosingClassGetsNoGeneratedCode()
    {
        string source = TaskSources.NestedRgbTask.Replace("public static partial class Experiments", "public static partial class", System.StringComparison.Ordinal);
        Assert.NotEqual(TaskSources.NestedRgbTask, source);

        var (_, hintNames) = Generate(source);

        Assert.Empty(hintNames);
    }

    private static (Compilation Output, string[] HintNames) Generate(string source)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Findings",
            new[] { CSharpSyntaxTree.ParseText(source, parse, path: "Task.cs") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new[] { new PretextTaskGenerator().AsSourceGenerator() }, parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return (output, result.GeneratedSources.Select(s => s.HintName).ToArray());
    }
}
