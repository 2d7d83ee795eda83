using Microsoft.CodeAnalysis.CSharp;

namespace SslDsl.Generators;

/// <summary>Emits the Model class: the encoder and the heads the objectives need, as one nn.Module.</summary>
internal static class ModelEmitter
{
    public static void Emit(SourceWriter w, TaskPlan plan)
    {
        var t = plan.Task;
        var members = plan.Model.Members;
        w.Summary($"The network of task '{t.TaskName}': {RecipeText.Network(t)}. forward() returns the encoder's representation.");
        using (w.Open("public sealed partial class Model : nn.Module<Tensor, Tensor>, ITaskModel"))
        {
            w.Line("private readonly nn.Module<Tensor, Tensor> encoder;");
            foreach (var m in members)
            {
                w.Line($"private readonly {m.Type} {m.Field};");
            }

            w.Line();
            string factory = EncoderFactory.Of(t);
            if (plan.Model.TakesTargetEncoder)
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
            foreach (var m in members)
            {
                w.Line();
                w.Summary(m.Summary);
                w.Line($"public {m.Type} {m.Property} => {m.Field};");
            }

            w.Line();
            w.Summary("The representation f(x) of a batch of inputs.");
            w.Line("public override Tensor forward(Tensor input) => encoder.call(input);");
        }
    }

    private static void EmitConstructor(SourceWriter w, TaskPlan plan, string parameters)
    {
        using (w.Open($"public Model({parameters}) : base({SymbolDisplay.FormatLiteral(plan.Task.TaskName, quote: true)})"))
        {
            w.Line("this.encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));");
            foreach (var m in plan.Model.Members)
            {
                // A member initialized from the constructor parameter of the same name needs 'this.'.
                w.Line($"{(m == ModelMember.TargetEncoder ? "this." : "")}{m.Field} = {m.Initializer};");
            }

            w.Line("RegisterComponents();");
            foreach (var m in plan.Model.Members)
            {
                if (m.CopiesWeightsOf is { } online)
                {
                    w.Line($"MomentumUpdate.CopyWeights({m.Field}, {online});");
                }
            }
        }
    }
}
