using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace SslDsl.Analyzers.Tests;

/// <summary>An analyzer test of <see cref="PretextTaskAnalyzer"/> against the real runtime attributes.</summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<PretextTaskAnalyzer, DefaultVerifier>
{
    public AnalyzerTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Apply(TestState);
    }

    protected override Microsoft.CodeAnalysis.ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>Runs the analyzer on <paramref name="source"/> ({|SSL0xx:...|} markup marks the expected diagnostics).</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
