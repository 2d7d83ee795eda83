using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// A code-fix test of <typeparamref name="TFix"/> on the diagnostics of <see cref="PretextTaskAnalyzer"/>. Besides
/// applying the fix diagnostic by diagnostic, the harness applies Fix All in document, project and solution
/// scope and expects the same result; the fixed code must compile and carry no diagnostic at all.
/// </summary>
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

    /// <summary>
    /// Applies the fix to <paramref name="source"/> (markup marks the diagnostics) and expects <paramref name="fixedSource"/>.
    /// <paramref name="equivalenceKey"/> picks the action (the first one when null); <paramref name="title"/>, when
    /// given, is the title every applied action must have.
    /// </summary>
    public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null, string? title = null)
    {
        var test = new CodeFixTest<TFix> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        if (title is not null)
        {
            test.CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title);
        }

        return test.RunAsync();
    }
}
