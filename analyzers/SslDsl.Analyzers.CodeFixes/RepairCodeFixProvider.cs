using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SslDsl.Generators;

namespace SslDsl.Analyzers.CodeFixes;

/// <summary>
/// The code fix of every diagnostic that carries repairs (<see cref="RepairCodec"/>): one action per repair,
/// titled by it, the primary repair first. The validator decides what each repair does (it knows the nearest
/// valid value, the divisor, the missing attribute); <see cref="RepairEditor"/> edits the document. Fix All
/// (document, project, solution) applies, to every diagnostic of the ID in scope, its repair with the same
/// equivalence key, all edits of a document at once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RepairCodeFixProvider)), Shared]
public sealed class RepairCodeFixProvider : CodeFixProvider
{
    private static readonly FixAllProvider FixAll = FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var repairs = diagnostics
            .Select(d => RepairCodec.Decode(d).FirstOrDefault(r => r.EquivalenceKey(d.Id) == context.CodeActionEquivalenceKey))
            .Where(r => r is not null)
            .Select(r => r!)
            .ToList();
        return repairs.Count == 0 ? document : await RepairEditor.ApplyAsync(document, repairs, context.CancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc />
    /// <remarks>Every ID of the analyzer but SSL001 (its own provider) and those no check repairs: SSL006 (which
    /// objective is the user's choice), SSL023 (the tokenizer's sizes) and SSL024 (a whole-compilation diagnostic,
    /// for which IDEs offer no fix).</remarks>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = new PretextTaskAnalyzer().SupportedDiagnostics
        .Except(new[] { DiagnosticDescriptors.NotPartial, DiagnosticDescriptors.NoObjective, DiagnosticDescriptors.TextVocabularyInvalid, DiagnosticDescriptors.DuplicateTaskName, DiagnosticDescriptors.GenericTask, DiagnosticDescriptors.InputWithoutEncoder, DiagnosticDescriptors.VimeColumnsUnknown })
        .Select(d => d.Id)
        .ToImmutableArray();

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAll;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var repair in RepairCodec.Decode(diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(repair.Title, ct => RepairEditor.ApplyAsync(document, new[] { repair }, ct), repair.EquivalenceKey(diagnostic.Id)),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
