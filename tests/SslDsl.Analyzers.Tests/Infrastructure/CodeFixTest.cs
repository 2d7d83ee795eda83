using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace SslDsl.Analyzers.Tests;

/// <summary>A code-fix test of <typeparamref name="TFix"/> on the diagnostics of <see cref="PretextTaskAnalyzer"/>.</summary>
internal sealed class CodeFixTest<TFix> : CSharpCodeFixTest<PretextTaskAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public CodeFixTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Apply(TestState);
    }

    protected override Microsoft.CodeAnalysis.ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>Applies the fix to <paramref name="source"/> (markup marks the diagnostics) and expects <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource)
    {
        var test = new CodeFixTest<TFix> { TestCode = source, FixedCode = fixedSource };
        return test.RunAsync();
    }
}
