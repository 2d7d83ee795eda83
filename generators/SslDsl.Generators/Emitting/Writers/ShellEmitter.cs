using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace SslDsl.Generators;

/// <summary>
/// Emits the shells of a task whose declaration has errors (<see cref="ShellModel"/>): the settings,
/// Describe(), Model, Pipeline, Trainer and FineTuner with the public surface every task has, each member
/// throwing an InvalidOperationException that names the errors. The user's code that uses them compiles, so
/// the user sees the declaration's errors and nothing else. Members that depend on the declared recipe (a
/// Model's heads, a Pipeline's Views) cannot be known and are not there.
/// </summary>
internal static class ShellEmitter
{
    public static void Emit(SourceWriter w, ShellModel t)
    {
        string self = t.Type.SelfReference;
        string throws = $"Throws: {What(t)} has errors, so its code was not generated.";

        w.Summary($"Why {What(t)} has no generated code: the errors of its declaration. Every generated member throws this; fix the errors and rebuild.");
        w.Line("private static InvalidOperationException NotGenerated() => new(");
        w.Line("    " + SymbolDisplay.FormatLiteral(Message(t), quote: true) + ");");
        w.Line();
        Member(w, $"The task's name. {throws}", "public static string TaskName => throw NotGenerated();");
        Member(w, $"Width of the representation the encoder returns. {throws}", "public static int EncoderOutputDim => throw NotGenerated();");
        Member(w, $"Number of augmented views drawn per sample. {throws}", "public static int ViewCount => throw NotGenerated();");
        Member(w, $"Training settings declared by the attributes. {throws}", "public static TrainingSettings DeclaredTraining => throw NotGenerated();");
        Member(w, $"Fine-tuning settings declared by [FineTune]. {throws}", "public static FineTuneSettings? DeclaredFineTune => throw NotGenerated();");
        w.Summary($"A readable description of the resolved task. {throws}");
        w.Line("public static string Describe() => throw NotGenerated();");
        w.Line();
        EmitModel(w, t, self, throws);
        w.Line();
        EmitPipeline(w, t, throws);
        w.Line();
        EmitTrainer(w, t, self, throws);
        w.Line();
        EmitFineTuner(w, t, self, throws);
    }

    /// <summary>The exception's message: what was not generated and each error.</summary>
    public static string Message(ShellModel t)
    {
        string head = $"{Capitalized(What(t))} ({t.DisplayName}) was not generated because its declaration has errors; fix them and rebuild.";
        return t.Errors.Count == 0
            ? head + " The compiler reports them on the declaration."
            : head + "\n" + string.Join("\n", t.Errors);
    }

    private static void EmitModel(SourceWriter w, ShellModel t, string self, string throws)
    {
        w.Summary($"The network of {What(t)}. {throws}");
        using (w.Open("public sealed partial class Model : nn.Module<Tensor, Tensor>, ITaskModel"))
        {
            Member(w, $"Creates the model with the declared encoder. {throws}", $"public Model() : base({self}.TaskName)\n{{\n}}");
            w.SummaryXml($"Creates the model around <paramref name=\"encoder\"/>. {SourceWriter.Escape(throws)}");
            Member(w, null, $"public Model(nn.Module<Tensor, Tensor> encoder) : base({self}.TaskName)\n{{\n}}");
            if (t.HasMomentum)
            {
                w.SummaryXml($"Creates the model from <paramref name=\"encoder\"/> and its momentum target <paramref name=\"targetEncoder\"/>. {SourceWriter.Escape(throws)}");
                Member(w, null, $"public Model(nn.Module<Tensor, Tensor> encoder, nn.Module<Tensor, Tensor> targetEncoder) : base({self}.TaskName)\n{{\n}}");
            }

            if (t.SecondInput is not null)
            {
                w.SummaryXml($"Creates the model around the encoders of its two inputs. {SourceWriter.Escape(throws)}");
                Member(w, null, $"public Model(nn.Module<Tensor, Tensor> firstEncoder, nn.Module<Tensor, Tensor> secondEncoder) : base({self}.TaskName)\n{{\n}}");
            }

            Member(w, $"The encoder f(x). {throws}", "public nn.Module<Tensor, Tensor> Encoder => throw NotGenerated();");
            w.Summary($"The representation f(x) of a batch of inputs. {throws}");
            w.Line("public override Tensor forward(Tensor input) => throw NotGenerated();");
        }
    }

    private static void EmitPipeline(SourceWriter w, ShellModel t, string throws)
    {
        w.Summary($"The augmentation pipeline of {What(t)}. {throws}");
        using (w.Open("public sealed partial class Pipeline : ITaskPipeline<Pipeline>"))
        {
            w.SummaryXml($"Creates the pipeline on <paramref name=\"device\"/>, seeded by <paramref name=\"seed\"/>. {SourceWriter.Escape(throws)}");
            Member(w, null, "public Pipeline(Device device, long seed) => throw NotGenerated();");
            Member(w, $"The device the pipeline draws on. {throws}", "public Device Device => throw NotGenerated();");
            if (!t.IsMultiTask)
            {
                Member(w, $"The generator every random draw comes from. {throws}", "public Generator Generator => throw NotGenerated();");
            }

            Member(w, $"The generators of the pipeline. {throws}", "public IReadOnlyList<Generator> Generators => throw NotGenerated();");
            w.SummaryXml($"Creates the pipeline on <paramref name=\"device\"/> (the trainer's factory). {SourceWriter.Escape(throws)}");
            Member(w, null, "public static Pipeline Create(Device device, long seed) => throw NotGenerated();");
            Member(w, $"The deterministic part of the pipeline. {throws}", "public static Tensor Prepare(Tensor inputs) => throw NotGenerated();");
            w.Summary("Releases nothing: no pipeline of a task with errors is ever created.");
            w.Line("public void Dispose()");
            w.Line("{");
            w.Line("}");
        }
    }

    private static void EmitTrainer(SourceWriter w, ShellModel t, string self, string throws)
    {
        string batch = t.SecondInput is { } second
            ? $"PairedBatch<{InputKind.Of(t.Input).BatchType}, {InputKind.Of(second).BatchType}>"
            : InputKind.Of(t.Input).BatchType;
        w.Summary($"Pretrains {What(t)} on {batch}. {throws}");
        using (w.Open($"public sealed partial class Trainer : PretextTrainer<{batch}, Model, Pipeline>"))
        {
            TrainerEmitter.EmitConstructors(w, self);
            w.Line();
            Member(w, $"The task's loss on one batch. {throws}", $"public static LossTerms Objective(Model model, Pipeline pipeline, {batch} batch) => throw NotGenerated();");
            if (t.HasMomentum)
            {
                Member(w, $"What follows every optimizer update. {throws}", "public static void AfterStep(Model model, LossTerms loss, double progress) => throw NotGenerated();");
            }

            w.Line("/// <inheritdoc />");
            w.Line($"protected override LossTerms ComputeLoss({batch} batch) => throw NotGenerated();");
        }
    }

    private static void EmitFineTuner(SourceWriter w, ShellModel t, string self, string throws)
    {
        string batch = InputKind.Of(t.Input).BatchType;
        w.Summary($"Fine-tunes the encoder of {What(t)}. {throws}");
        using (w.Open($"public sealed partial class FineTuner : FineTuner<{batch}>"))
        {
            string settings = $"settings ?? {self}.DeclaredFineTune!";
            w.SummaryXml($"Fine-tunes the encoder of <paramref name=\"model\"/>. {SourceWriter.Escape(throws)}");
            Member(w, null, $"public FineTuner(Model model, FineTuneSettings? settings = null, TrainingOptions? options = null)\n    : base(model, {self}.EncoderOutputDim, {settings}, options)\n{{\n}}");
            w.SummaryXml($"Fine-tunes <paramref name=\"encoder\"/>. {SourceWriter.Escape(throws)}");
            Member(w, null, $"public FineTuner(nn.Module<Tensor, Tensor> encoder, FineTuneSettings? settings = null, TrainingOptions? options = null)\n    : base(encoder, {self}.EncoderOutputDim, {settings}, options)\n{{\n}}");
            w.Line("/// <inheritdoc />");
            w.Line($"protected override Tensor PrepareInputs({batch} batch) => throw NotGenerated();");
        }
    }

    /// <summary>Writes a member (its summary first, unless written already) and a blank line.</summary>
    private static void Member(SourceWriter w, string? summary, string code)
    {
        if (summary is not null)
        {
            w.Summary(summary);
        }

        w.Line(code);
        w.Line();
    }

    private static string What(ShellModel t) =>
        (t.IsMultiTask ? "multi-task pretraining" : "task") + (t.TaskName.Length > 0 ? $" '{t.TaskName}'" : $" {t.Type.Name}");

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
}
