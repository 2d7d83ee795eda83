using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Emits a multi-task pretraining: one shared encoder; each member task keeps its own heads
/// (its Model built around the shared encoder) and its own pipeline; L = sum of weight_i * L_i.
/// </summary>
internal static class MultiTaskEmitter
{
    public static void Emit(SourceWriter w, MultiTaskModel t)
    {
        var members = t.Members;
        var input = InputKind.OfMembers(members[0].Input.Spec);
        string batch = input.BatchType;
        string factory = EncoderFactory.Of(t);

        SettingsEmitter.Emit(w, t);
        w.Line();
        DescribeEmitter.Emit(w, t, input);
        w.Line();

        w.Summary($"The network of multi-task pretraining '{t.TaskName}': the shared encoder and every member task's heads.");
        using (w.Open("public sealed partial class Model : nn.Module<Tensor, Tensor>, ITaskModel"))
        {
            w.Line("private readonly nn.Module<Tensor, Tensor> encoder;");
            foreach (var m in members)
            {
                w.Line($"private readonly {m.TypeName}.Model {Field(m)};");
            }

            w.Line();
            w.Summary("Creates the model with the declared shared encoder.");
            w.Line($"public Model() : this({factory})");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.SummaryXml("Creates the model around the shared <paramref name=\"encoder\"/>.");
            using (w.Open($"public Model(nn.Module<Tensor, Tensor> encoder) : base({Literal(t.TaskName)})"))
            {
                w.Line("this.encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));");
                foreach (var m in members)
                {
                    w.Line(m.HasMomentum
                        ? $"{Field(m)} = new {m.TypeName}.Model(encoder, {factory});"
                        : $"{Field(m)} = new {m.TypeName}.Model(encoder);");
                }

                w.Line("RegisterComponents();");
            }

            w.Line();
            w.Summary("The shared encoder f(x).");
            w.Line("public nn.Module<Tensor, Tensor> Encoder => encoder;");
            foreach (var m in members)
            {
                w.Line();
                w.Summary($"The heads of member task '{m.TaskName}' (around the shared encoder).");
                w.Line($"public {m.TypeName}.Model {Property(m)} => {Field(m)};");
            }

            w.Line();
            w.Summary("The representation f(x) of a batch of inputs.");
            w.Line("public override Tensor forward(Tensor input) => encoder.call(input);");
        }

        w.Line();
        w.Summary($"The member tasks' pipelines of '{t.TaskName}', each with its own seeded generator.");
        using (w.Open("public sealed partial class Pipeline : ITaskPipeline<Pipeline>"))
        {
            w.SummaryXml("Creates every member's pipeline on <paramref name=\"device\"/>.");
            using (w.Open("public Pipeline(Device device, long seed)"))
            {
                for (int i = 0; i < members.Count; i++)
                {
                    w.Line($"{Property(members[i])} = new {members[i].TypeName}.Pipeline(device, seed + {i});");
                }
            }

            foreach (var m in members)
            {
                w.Line();
                w.Summary($"The pipeline of member task '{m.TaskName}'.");
                w.Line($"public {m.TypeName}.Pipeline {Property(m)} {{ get; }}");
            }

            w.Line();
            w.SummaryXml("Creates every member's pipeline on <paramref name=\"device\"/> (the trainer's factory).");
            w.Line("public static Pipeline Create(Device device, long seed) => new(device, seed);");
            w.Line();
            w.Summary("The deterministic preparation of the first member, for fine-tuning and inference.");
            w.Line($"public static Tensor Prepare(Tensor {input.Parameter}) => {members[0].TypeName}.Pipeline.Prepare({input.Parameter});");
            w.Line();
            w.Summary("The generators of every member pipeline (saved in checkpoints).");
            w.Line("public IReadOnlyList<Generator> Generators => new[] { " + string.Join(", ", members.Select(m => $"{Property(m)}.Generator")) + " };");
            w.Line();
            w.Summary("Releases every member pipeline.");
            using (w.Open("public void Dispose()"))
            {
                foreach (var m in members)
                {
                    w.Line($"{Property(m)}.Dispose();");
                }
            }
        }

        w.Line();
        string sum = string.Join(" + ", members.Select(m => $"{m.Weight.Get(Objective.Weight).ToString("G", System.Globalization.CultureInfo.InvariantCulture)} x {Property(m)} ('{m.TaskName}')"));
        w.Summary($"Pretrains '{t.TaskName}': every step computes each member's loss on the same batch and minimizes the weighted sum.", new[]
        {
            $"Loss: {sum}, each member with its own pipeline and heads.",
            $"Network: {RecipeText.Network(t)}, shared by the members.",
            $"Optimizer: {RecipeText.Optimization(t)}.",
        });
        using (w.Open($"public sealed partial class Trainer : PretextTrainer<{batch}, Model, Pipeline>"))
        {
            TrainerEmitter.EmitConstructors(w, t.Type.Name);
            w.Line();
            w.Summary("L = sum of weight_i * L_i over the member tasks; terms are named \"task/term\".");
            w.Line($"public static LossTerms Objective(Model model, Pipeline pipeline, {batch} batch) => LossTerms.Combine(");
            for (int i = 0; i < members.Count; i++)
            {
                var m = members[i];
                w.Line($"    ({Literal(m.TaskName)}, {m.Weight.Literal(Objective.Weight)}, {m.TypeName}.Trainer.Objective(model.{Property(m)}, pipeline.{Property(m)}, batch)){(i == members.Count - 1 ? ");" : ",")}");
            }

            TrainerEmitter.EmitComputeLoss(w, input);
            var momentumMembers = members.Where(m => m.HasMomentum || m.KeepsState).ToArray();
            if (momentumMembers.Length > 0)
            {
                w.Line();
                w.Line("/// <inheritdoc />");
                using (w.Open("protected override void AfterOptimizerStep(LossTerms loss)"))
                {
                    foreach (var m in momentumMembers)
                    {
                        w.Line($"{m.TypeName}.Trainer.AfterStep(Model.{Property(m)}, loss.Part({Literal(m.TaskName)}), TrainingProgress);");
                    }
                }
            }
        }

        w.Line();
        FineTunerEmitter.Emit(w, t, input);
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>The member class's simple name: global::Ns.SimClr and global::SimClr (global namespace) both give SimClr.</summary>
    private static string Property(MemberTaskModel m) =>
        m.TypeName.Substring(System.Math.Max(m.TypeName.LastIndexOf('.'), m.TypeName.LastIndexOf(':')) + 1);

    private static string Field(MemberTaskModel m)
    {
        string camel = Naming.Camel(Property(m));
        return camel == Property(m) ? camel + "Model" : camel;
    }
}
