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
            w.Summary("Creates the model with the task's declared encoder.");
            w.Line($"public Model() : this({EncoderFactory(t)})");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.SummaryXml("Creates the model around <paramref name=\"encoder\"/> (shared encoders, imported weights).");
            w.Line("/// <param name=\"encoder\">Maps a batch to [B, EncoderOutputDim].</param>");
            using (w.Open($"public Model(nn.Module<Tensor, Tensor> encoder) : base({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(t.TaskName, quote: true)})"))
            {
                w.Line("this.encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));");
                foreach (var m in plan.Members)
                {
                    w.Line($"{m.Field} = {m.Initializer};");
                }

                w.Line("RegisterComponents();");
                foreach (var frozen in plan.FrozenProperties)
                {
                    w.Line($"foreach (var parameter in {Field(plan, frozen)}.parameters())");
                    w.Line("{");
                    w.Line("    parameter.requires_grad = false;");
                    w.Line("}");
                }
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
                "TransformerEncoder" => $"Backbones.TransformerEncoder(vocabSize: {input?.Literal("VocabSize") ?? "1"}, maxLength: {input?.Literal("MaxLength") ?? "1"}, {common}, heads: {b.Literal("Heads")}, padId: {input?.Literal("PadId") ?? "0"})",
                _ => $"Backbones.SmallCnn(inChannels: 1, {common})",
            };
        }

        return "throw new InvalidOperationException(\"The task declares no encoder.\")";
    }
}
