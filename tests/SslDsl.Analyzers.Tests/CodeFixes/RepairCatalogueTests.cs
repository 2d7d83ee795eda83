using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SslDsl.Analyzers.CodeFixes;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// The primary repair of every diagnostic the repair code fix handles, with Fix All over two projects (the first
/// with two files, one of them holding two tasks), where each scope must repair exactly its part; a case that
/// references other classes, alone (the harness still applies Fix All in every scope to it).
/// </summary>
public class RepairCatalogueTests
{
    [Fact]
    public void EveryFixableDiagnosticHasACaseAndMostDiagnosticsAreFixable()
    {
        var fixable = new RepairCodeFixProvider().FixableDiagnosticIds.Concat(new MakePartialCodeFixProvider().FixableDiagnosticIds).Distinct().ToList();

        Assert.Equal(new RepairCodeFixProvider().FixableDiagnosticIds.OrderBy(i => i), RepairCatalogue.Cases.Select(c => c.Id).OrderBy(i => i));
        Assert.True(fixable.Count >= 18, $"{fixable.Count} of the 30 diagnostics have a code fix");
    }

    [Theory]
    [MemberData(nameof(RepairCatalogue.SingleData), MemberType = typeof(RepairCatalogue))]
    public Task PrimaryRepairFixesADeclarationThatCannotBeCopied(RepairCase c) =>
        CodeFixTest<RepairCodeFixProvider>.VerifyAsync(c.Wrong, c.Fixed, equivalenceKey: c.Id, title: c.Title);

    [Theory]
    [MemberData(nameof(RepairCatalogue.CopyableData), MemberType = typeof(RepairCatalogue))]
    public Task FixAllRepairsEachScopeAcrossFilesAndProjects(RepairCase c)
    {
        var test = new CodeFixTest<RepairCodeFixProvider>
        {
            CodeActionEquivalenceKey = c.Id,
            CodeActionVerifier = (action, verifier) => verifier.Equal(c.Title, action.Title),
            // One action per diagnostic; Fix All in a document repairs one file, in a project one project, in the solution everything.
            NumberOfIncrementalIterations = 4,
            NumberOfFixAllInDocumentIterations = 3,
            NumberOfFixAllInProjectIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Add(("First.cs", Copies(c.Wrong, 1, 2)));
        test.TestState.Sources.Add(("Second.cs", Copies(c.Wrong, 3)));
        var other = new ProjectState("Other", Microsoft.CodeAnalysis.LanguageNames.CSharp, "Other", "cs");
        other.Sources.Add(("Third.cs", Copies(c.Wrong, 4)));
        other.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AdditionalProjects.Add("Other", other);

        test.FixedState.Sources.Add(("First.cs", Copies(c.Fixed, 1, 2)));
        test.FixedState.Sources.Add(("Second.cs", Copies(c.Fixed, 3)));
        var otherFixed = new ProjectState("Other", Microsoft.CodeAnalysis.LanguageNames.CSharp, "Other", "cs");
        otherFixed.Sources.Add(("Third.cs", Copies(c.Fixed, 4)));
        otherFixed.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalProjects.Add("Other", otherFixed);
        return test.RunAsync();
    }

    /// <summary>One file holding copy <paramref name="numbers"/> of the task in <paramref name="source"/>: class T becomes Tn, task "t" becomes "t-n".</summary>
    private static string Copies(string source, params int[] numbers) =>
        Sources.Usings + string.Concat(numbers.Select(n => Number(source.Substring(Sources.Usings.Length), n)));

    private static string Number(string declaration, int n)
    {
        string named = Regex.Replace(declaration, @"\[PretextTask\(""([^""]*)""\)\]", m => $"[PretextTask(\"{m.Groups[1].Value}-{n}\")]");
        return Regex.Replace(named, @"class (\{\|SSL\d+:)?(\w+)", m => $"class {m.Groups[1].Value}{m.Groups[2].Value}{n}") + "\n";
    }
}
