using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// A task with an error gets shells of its generated types, so the user's own code that uses them compiles:
/// the user sees the task's SSL diagnostic and no follow-on compiler error (CS0426, CS0117) where the code
/// uses T.Model, T.Trainer or T.Describe().
/// </summary>
public class ShellTests
{
    /// <summary>Every catalogue case with an error on a partial task class T, as theory data.</summary>
    public static TheoryData<string, string> ErrorCasesOnT
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (id, source) in Catalogue.Failing.Where(c => c.Id is not ("SSL001" or "SSL011" or "SSL012" or "SSL014" or "SSL024" or "SSL032") && c.Source.Contains("class T\n", System.StringComparison.Ordinal)))
            {
                data.Add(id, source);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ErrorCasesOnT))]
    public async Task UsersCodeOfATaskWithAnErrorGetsOnlyTheTasksDiagnostic(string id, string source)
    {
        var run = await GeneratorRobustnessTests.RunAsync(Markup.Strip(source) + UserProgram("T", BatchOf(source), FineTuneBatchOf(source)));

        AssertOnlySslErrors(run, id);
    }

    [Fact]
    public async Task UsersCodeOfAGenericTaskGetsOnlySsl031()
    {
        var run = await GeneratorRobustnessTests.RunAsync(Markup.Strip(Ssl031Ssl032Tests.FailingGeneric) + UserProgram("G<int>", "ImageBatch"));

        AssertOnlySslErrors(run, "SSL031");
        Assert.Equal("G`1.SslDsl.g.cs", Assert.Single(run.GeneratedHintNames));
    }

    [Fact]
    public async Task UsersCodeOfATaskNestedInAGenericClassGetsOnlySsl031()
    {
        var run = await GeneratorRobustnessTests.RunAsync(Markup.Strip(Ssl031Ssl032Tests.FailingNestedGeneric) + UserProgram("Outer<string>.Inner", "ImageBatch"));

        AssertOnlySslErrors(run, "SSL031");
        Assert.Equal("Outer`1.Inner.SslDsl.g.cs", Assert.Single(run.GeneratedHintNames));
    }

    /// <summary>A multi-task over a member with an error calls the member's shells (its Model, Pipeline and Objective), so it compiles.</summary>
    [Fact]
    public async Task MultiTaskOverAMemberWithAnErrorGetsOnlyTheMembersDiagnostic()
    {
        string member = Sources.SimClrWith("[HorizontalFlip(P = 1.5)]\n[MomentumEncoder(Momentum = 0.99)]", name: "A");
        string multi = Sources.Task("[MultiTaskPretraining(\"joint\")]\n[Objective(typeof(A))]", name: "Joint").Replace(Sources.Usings, "");

        var run = await GeneratorRobustnessTests.RunAsync(member + multi + UserProgram("Joint", "ImageBatch"));

        AssertOnlySslErrors(run, "SSL007");
        Assert.False(GeneratedFor.IsShell(run.Generated["Joint.SslDsl.g.cs"]), "the multi-task itself has no error");
    }

    /// <summary>A declaration the compiler rejects (an attribute name mistyped) gets shells too: the user sees CS0246 once.</summary>
    [Fact]
    public async Task MistypedAttributeGivesOneCompilerErrorAndNoFollowOn()
    {
        var run = await GeneratorRobustnessTests.RunAsync(Sources.SimClrWith("[HorizontalFlipp(P = 0.5)]") + UserProgram("T", "ImageBatch"));

        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().ToList();
        Assert.Equal(new[] { "CS0246" }, errors);
        Assert.Contains("The compiler reports them on the declaration.", run.Generated["T.SslDsl.g.cs"], System.StringComparison.Ordinal);
    }

    /// <summary>A class marked both [PretextTask] and [MultiTaskPretraining] reaches both of the generator's pipelines: one shell, not two files of one name.</summary>
    [Fact]
    public async Task ClassMarkedAsBothKindsGetsOneShell()
    {
        var run = await GeneratorRobustnessTests.RunAsync(Sources.SimClrWith("[MultiTaskPretraining(\"joint\")]") + UserProgram("T", "ImageBatch"));

        AssertOnlySslErrors(run, "SSL019");
        Assert.True(GeneratedFor.IsShell(run.Generated[Assert.Single(run.GeneratedHintNames)]));
    }

    /// <summary>[PretextTask] on two partial declarations of one class (CS0579): one shell, from the first.</summary>
    [Fact]
    public async Task TaskAttributeOnTwoPartialDeclarationsGetsOneShell()
    {
        var run = await GeneratorRobustnessTests.RunAsync(Sources.SimClrWith("") + "[PretextTask(\"u\")]\npublic partial class T\n{\n}\n" + UserProgram("T", "ImageBatch"));

        Assert.Equal(new[] { "CS0579" }, run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct());
        Assert.True(GeneratedFor.IsShell(run.Generated[Assert.Single(run.GeneratedHintNames)]));
    }

    /// <summary>SSL032 is a warning: the one-epoch smoke run with one warm-up epoch is generated and its code compiles.</summary>
    [Fact]
    public async Task WarmupAsLongAsTrainingIsGenerated()
    {
        var run = await GeneratorRobustnessTests.RunAsync(Markup.Strip(Ssl031Ssl032Tests.FailingWarmup) + UserProgram("T", "ImageBatch"));

        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(new[] { "SSL032" }, run.Diagnostics.Where(d => d.Id.StartsWith("SSL", System.StringComparison.Ordinal)).Select(d => d.Id));
        string generated = run.Generated["T.SslDsl.g.cs"];
        Assert.False(GeneratedFor.IsShell(generated));
        Assert.Contains("Epochs: 1,", generated, System.StringComparison.Ordinal);
        Assert.Contains("WarmupEpochs: 1.0", generated, System.StringComparison.Ordinal);
    }

    /// <summary>The shell's exception names every error of the declaration, with its ID.</summary>
    [Fact]
    public async Task ShellMessageNamesEachErrorWithItsId()
    {
        var run = await GeneratorRobustnessTests.RunAsync(Sources.SimClrWith("[HorizontalFlip(P = 1.5)]\n[Training(BatchSize = 0)]"));

        string shell = run.Generated["T.SslDsl.g.cs"];
        Assert.True(GeneratedFor.IsShell(shell));
        Assert.Contains("Task 't' (T) was not generated because its declaration has errors; fix them and rebuild.", shell, System.StringComparison.Ordinal);
        Assert.Contains("\\nSSL007: HorizontalFlip.P is 1.5, but", shell, System.StringComparison.Ordinal);
        Assert.Contains("\\nSSL025: Training.BatchSize is 0, but", shell, System.StringComparison.Ordinal);
    }

    /// <summary>Code that reads the task's types as a user would: describe, train, fine-tune, prepare.</summary>
    private static string UserProgram(string task, string batch, string? fineTuneBatch = null) => $$"""

        public static class UserProgram
        {
            public static void Run(IDataSource<{{batch}}> data, IDataSource<{{fineTuneBatch ?? batch}}> labelled)
            {
                System.Console.WriteLine({{task}}.Describe());
                System.Console.WriteLine({{task}}.TaskName + {{task}}.EncoderOutputDim + {{task}}.ViewCount + {{task}}.DeclaredTraining.Epochs + {{task}}.DeclaredFineTune?.Classes);
                using var trainer = new {{task}}.Trainer(new TrainingOptions());
                trainer.Fit(data);
                {{task}}.Model model = trainer.Model;
                nn.Module<Tensor, Tensor> encoder = model.Encoder;
                using var fineTuner = new {{task}}.FineTuner(model);
                fineTuner.Fit(labelled);
                using var pipeline = {{task}}.Pipeline.Create(CPU, 1);
                Tensor prepared = {{task}}.Pipeline.Prepare(zeros(1));
                LossTerms loss = {{task}}.Trainer.Objective(model, pipeline, default!);
            }
        }

        """;

    /// <summary>The batch the fine-tuner reads: a multimodal task's first (image) input.</summary>
    private static string FineTuneBatchOf(string source) =>
        source.Contains("[ClipLoss", System.StringComparison.Ordinal) ? "ImageBatch" : BatchOf(source);

    private static string BatchOf(string source) =>
        source.Contains("[ClipLoss", System.StringComparison.Ordinal) ? "PairedBatch<ImageBatch, TokenBatch>"
        : source.Contains("[TextInput", System.StringComparison.Ordinal) ? "TokenBatch"
        : source.Contains("[TabularInput", System.StringComparison.Ordinal) ? "TabularBatch"
        : source.Contains("[TimeSeriesInput", System.StringComparison.Ordinal) ? "SeriesBatch"
        : "ImageBatch";

    /// <summary>Errors: only <paramref name="id"/> and other SSL IDs (none from the compiler, none in generated code), and no generator failure.</summary>
    private static void AssertOnlySslErrors(GeneratorRobustnessTests.Run run, string id)
    {
        Assert.Contains(run.Diagnostics, d => d.Id == id);
        var compilerErrors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SSL", System.StringComparison.Ordinal)).ToList();
        Assert.True(compilerErrors.Count == 0, string.Join("\n", compilerErrors));
        Assert.Empty(run.Diagnostics.Where(d => d.Id is "AD0001" or "CS8784" or "CS8785" or "SSL900"));
    }
}
