using System.Linq;

namespace SslDsl.Generators;

/// <summary>Emits the Model class: the encoder and the heads the objectives need, as one nn.Module.</summary>
internal static class ModelEmitter
{
    public static void Emit(SourceWriter w, TaskPlan plan)
    {
        var t = plan.Task;
        w.Summary($"The network of task '{t.TaskName}': the encoder and its heads. forward() returns the encoder's representation.");
        using (w.Open("public sealed partial class Model : nn.Module<Tensor, Tensor>"))
        {
            w.Line("private readonly nn.Module<Tensor, Tensor> encoder;");
            foreach (var m in plan.Members)
            {
                w.Line($"private readonly {m.Type} {m.Field};");
            }

            w.Line();
            string factory = EncoderFactory(t);
            if (plan.NeedsTargetEncoder)
            {
                w.Summary("Creates the model with the task's declared encoder and a second instance as its momentum target.");
                w.Line($"public Model() : this({factory}, {factory})");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.SummaryXml("Creates the model around <paramref name=\"encoder\"/> (shared encoders, imported weights); the momentum target is a new instance of the declared encoder, initialized from it.");
                w.Line($"public Model(nn.Module<Tensor, Tensor> encoder) : this(encoder, {factory})");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.Summary("Creates the model from an encoder and a second instance of the same architecture, which becomes the momentum target.");
                w.Line("/// <param name=\"encoder\">Maps a batch to [B, EncoderOutputDim].</param>");
                w.Line("/// <param name=\"targetEncoder\">Same architecture; its weights are overwritten with the encoder's.</param>");
                EmitConstructor(w, plan, "nn.Module<Tensor, Tensor> encoder, nn.Module<Tensor, Tensor> targetEncoder");
            }
            else
            {
                w.Summary("Creates the model with the task's declared encoder.");
                w.Line($"public Model() : this({factory})");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.SummaryXml("Creates the model around <paramref name=\"encoder\"/> (shared encoders, imported weights).");
                w.Line("/// <param name=\"encoder\">Maps a batch to [B, EncoderOutputDim].</param>");
                EmitConstructor(w, plan, "nn.Module<Tensor, Tensor> encoder");
            }

            w.Line();
            w.Summary("The encoder f(x).");
            w.Line("public nn.Module<Tensor, Tensor> Encoder => encoder;");
            foreach (var m in plan.Members)
            {
                w.Line();
                w.Summary(m.Summary);
                w.Line($"public {m.Type} {m.Property} => {m.Field};");
            }

            w.Line();
            w.Summary("The representation f(x) of a batch of inputs.");
            w.Line("public override Tensor forward(Tensor input) => encoder.forward(input);");
            foreach (var code in plan.ModelCode)
            {
                w.Line();
                w.Line(code);
            }
        }
    }

    private static void EmitConstructor(SourceWriter w, TaskPlan plan, string parameters)
    {
        var t = plan.Task;
        using (w.Open($"public Model({parameters}) : base({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(t.TaskName, quote: true)})"))
        {
            w.Line("this.encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));");
            foreach (var m in plan.Members)
            {
                w.Line($"{(parameters.Contains(" " + m.Field) ? "this." : "")}{m.Field} = {m.Initializer};");
            }

            w.Line("RegisterComponents();");
            foreach (var frozen in plan.FrozenProperties)
            {
                w.Line($"foreach (var parameter in {Field(plan, frozen)}.parameters())");
                w.Line("{");
                w.Line("    parameter.requires_grad = false;");
                w.Line("}");
            }

            foreach (var line in plan.ConstructorLines)
            {
                w.Line(line);
            }
        }
    }

    private static string Field(TaskPlan plan, string property) =>
        plan.Members.FirstOrDefault(m => m.Property == property)?.Field ?? property;

    /// <summary>The expression that builds the declared encoder.</summary>
    public static string EncoderFactory(TaskModel t)
    {
        var e = t.Encoder;
        if (e?.MemberName is { } member)
        {
            return e.IsProperty ? $"{t.Type.Name}.{member}" : $"{t.Type.Name}.{member}()";
        }

        if (e?.Backbone is { } b)
        {
            var input = t.Input;
            string kind = b.Text("Kind") ?? "SmallCnn";
            string common = $"width: {b.Literal("Width")}, outputDim: {b.Literal("OutputDim")}, depth: {b.Literal("Depth")}";
            return kind switch
            {
                "SmallCnn" => $"Backbones.SmallCnn(inChannels: {input?.Literal("Channels") ?? "1"}, {common})",
                "ResNet" => $"Backbones.ResNet(inChannels: {input?.Literal("Channels") ?? "1"}, {common})",
                "Mlp" => $"Backbones.Mlp(inputFeatures: {input?.Literal("Features") ?? "1"}, {common})",
                "Conv1d" => $"Backbones.Conv1d(inChannels: {input?.Literal("Channels") ?? "1"}, {common})",
                "TransformerEncoder" => $"Backbones.TransformerEncoder(vocabSize: {input?.Literal("VocabSize") ?? "1"}, maxLength: {input?.Literal("MaxLength") ?? "1"}, {common}, heads: {b.Literal("Heads")}, padId: {input?.Literal("PadId") ?? "0"}{(t.Objective("NextTokenLoss") is not null ? ", causal: true" : "")})",
                _ => $"Backbones.SmallCnn(inChannels: 1, {common})",
            };
        }

        return "throw new InvalidOperationException(\"The task declares no encoder.\")";
    }
}
