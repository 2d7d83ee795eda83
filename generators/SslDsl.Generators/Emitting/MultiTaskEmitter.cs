using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// Emits a multi-task pretraining: one shared encoder; each member task keeps its own heads
/// (its Model built around the shared encoder) and its own pipeline; L = sum of weight_i * L_i.
/// </summary>
internal static class MultiTaskEmitter
{
    public static void Emit(SourceWriter w, TaskPlan plan)
    {
        var t = plan.Task;
        var members = t.Members;
        string batch = plan.Input.BatchType;
        string name = t.Type.Name;
        string factory = ModelEmitter.EncoderFactory(t);

        SettingsEmitter.Emit(w, plan);
        w.Line();
        DescribeEmitter.Emit(w, plan);
        w.Line();

        w.Summary($"The network of multi-task pretraining '{t.TaskName}': the shared encoder and every member task's heads.");
        using (w.Open("public sealed partial class Model : nn.Module<Tensor, Tensor>"))
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
            using (w.Open($"public Model(nn.Module<Tensor, Tensor> encoder) : base({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(t.TaskName, quote: true)})"))
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
            w.Line("public override Tensor forward(Tensor input) => encoder.forward(input);");
        }

        w.Line();
        w.Summary($"The member tasks' pipelines of '{t.TaskName}', each with its own seeded generator.");
        using (w.Open("public sealed partial class Pipeline : IDisposable"))
        {
            w.Summary("Creates every member's pipeline on <paramref name=\"device\"/>.");
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
            w.Summary("The deterministic preparation of the first member, for fine-tuning and inference.");
            w.Line($"public static Tensor Prepare(Tensor {plan.Input.Parameter}) => {members[0].TypeName}.Pipeline.Prepare({plan.Input.Parameter});");
            w.Line();
            w.Summary("The generators of every member pipeline (saved in checkpoints).");
            w.Line("public Generator[] Generators => new[] { " + string.Join(", ", members.Select(m => $"{Property(m)}.Generator")) + " };");
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
        w.Summary($"Pretrains '{t.TaskName}': every step computes each member's loss on the same batch and minimizes the weighted sum.");
        using (w.Open($"public sealed partial class Trainer : PretextTrainer<{batch}>"))
        {
            TrainerShellEmitter.EmitMembers(w, plan, "The member pipelines.");
            w.Line();
            w.Summary("L = sum of weight_i * L_i over the member tasks; terms are named \"task/term\".");
            w.Line($"public static LossTerms Objective(Model model, Pipeline pipeline, {batch} batch) => LossTerms.Combine(");
            for (int i = 0; i < members.Count; i++)
            {
                var m = members[i];
                string literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(m.TaskName, quote: true);
                w.Line($"    ({literal}, {m.WeightLiteral}, {m.TypeName}.Trainer.Objective(model.{Property(m)}, pipeline.{Property(m)}, batch)){(i == members.Count - 1 ? ");" : ",")}");
            }

            var momentumMembers = members.Where(m => m.HasMomentum).ToArray();
            if (momentumMembers.Length > 0)
            {
                w.Line();
                w.Line("/// <inheritdoc />");
                using (w.Open("protected override void AfterOptimizerStep(LossTerms loss)"))
                {
                    foreach (var m in momentumMembers)
                    {
                        string literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(m.TaskName, quote: true);
                        w.Line($"{m.TypeName}.Trainer.AfterStep(Model.{Property(m)}, loss.Part({literal}), TrainingProgress);");
                    }
                }
            }

            w.Line();
            w.Line("/// <inheritdoc />");
            using (w.Open("protected override void SaveExtraState(BinaryWriter writer)"))
            {
                w.Line("foreach (var generator in Pipeline.Generators)");
                w.Line("{");
                w.Line("    CheckpointFile.WriteBytes(writer, generator.get_state());");
                w.Line("}");
            }

            w.Line();
            w.Line("/// <inheritdoc />");
            using (w.Open("protected override void LoadExtraState(BinaryReader reader)"))
            {
                w.Line("foreach (var generator in Pipeline.Generators)");
                w.Line("{");
                w.Line("    using var state = CheckpointFile.ReadBytes(reader);");
                w.Line("    generator.set_state(state);");
                w.Line("}");
            }

            TrainerShellEmitter.EmitDispose(w);
        }

        w.Line();
        FineTunerEmitter.Emit(w, plan);
    }

    /// <summary>The member class's simple name: global::Ns.SimClr and global::SimClr (global namespace) both give SimClr.</summary>
    private static string Property(MemberTaskModel m) =>
        m.TypeName.Substring(System.Math.Max(m.TypeName.LastIndexOf('.'), m.TypeName.LastIndexOf(':')) + 1);

    private static string Field(MemberTaskModel m)
    {
        string camel = Naming.Camel(Property(m));
        return camel == Property(m) ? camel + "Model" : camel;
    }
}
