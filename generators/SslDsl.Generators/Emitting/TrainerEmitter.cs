using System.Linq;

namespace SslDsl.Generators;

/// <summary>Emits the Trainer class: the typed training loop over the task's batch type.</summary>
internal static class TrainerEmitter
{
    public static void Emit(SourceWriter w, TaskPlan plan)
    {
        var t = plan.Task;
        string batch = plan.Input.BatchType;
        w.Summary($"Pretrains task '{t.TaskName}': Step({batch}) runs one update; Fit(...) runs epochs with the declared optimizer, schedule, metrics and checkpoints.");
        using (w.Open($"public sealed partial class Trainer : PretextTrainer<{batch}>"))
        {
            TrainerShellEmitter.EmitMembers(w, plan, "The augmentation pipeline.");
            w.Line();
            w.Summary("The task's loss on one batch: augment, encode, project, compare. Shared with multi-task pretraining.");
            using (w.Open($"public static LossTerms Objective(Model model, Pipeline pipeline, {batch} batch)"))
            {
                foreach (var line in plan.LossLines)
                {
                    w.Line(line);
                }

                EmitTotal(w, plan);
            }

            if (plan.AfterStepLines.Count > 0)
            {
                w.Line();
                w.Summary("What follows every optimizer update (momentum target, queue); shared with multi-task pretraining.");
                w.Line("/// <param name=\"model\">The model just updated.</param>");
                w.Line("/// <param name=\"loss\">The step's loss and its outputs.</param>");
                w.Line("/// <param name=\"progress\">The fraction of training done, in [0, 1].</param>");
                using (w.Open("public static void AfterStep(Model model, LossTerms loss, double progress)"))
                {
                    foreach (var line in plan.AfterStepLines)
                    {
                        w.Line(line);
                    }
                }
            }

            if (plan.AfterStepLines.Count > 0 || plan.AfterStepInstanceLines.Count > 0)
            {
                w.Line();
                w.Line("/// <inheritdoc />");
                using (w.Open("protected override void AfterOptimizerStep(LossTerms loss)"))
                {
                    if (plan.AfterStepLines.Count > 0)
                    {
                        w.Line("AfterStep(Model, loss, TrainingProgress);");
                    }

                    foreach (var line in plan.AfterStepInstanceLines)
                    {
                        w.Line(line);
                    }
                }
            }

            w.Line();
            w.Line("/// <inheritdoc />");
            if (plan.SaveStateLines.Count == 0)
            {
                w.Line("protected override void SaveExtraState(BinaryWriter writer) => CheckpointFile.WriteBytes(writer, Pipeline.Generator.get_state());");
            }
            else
            {
                using (w.Open("protected override void SaveExtraState(BinaryWriter writer)"))
                {
                    w.Line("CheckpointFile.WriteBytes(writer, Pipeline.Generator.get_state());");
                    foreach (var line in plan.SaveStateLines)
                    {
                        w.Line(line);
                    }
                }
            }
            w.Line();
            w.Line("/// <inheritdoc />");
            using (w.Open("protected override void LoadExtraState(BinaryReader reader)"))
            {
                w.Line("using var state = CheckpointFile.ReadBytes(reader);");
                w.Line("Pipeline.Generator.set_state(state);");
                foreach (var line in plan.LoadStateLines)
                {
                    w.Line(line);
                }
            }

            foreach (var code in plan.TrainerCode)
            {
                w.Line();
                w.Line(code);
            }

            TrainerShellEmitter.EmitDispose(w);
        }
    }

    private static void EmitTotal(SourceWriter w, TaskPlan plan)
    {
        var terms = plan.Terms;
        if (terms.Count == 0)
        {
            w.Line("throw new InvalidOperationException(\"The task declares no objective.\");");
            return;
        }

        string outputs = string.Concat(plan.OutputLines);
        string Weighted(LossTerm term) => term.Weight == 1.0 ? term.Variable : $"{term.WeightLiteral} * {term.Variable}";
        if (terms.Count == 1)
        {
            var only = terms[0];
            if (only.Weight == 1.0)
            {
                w.Line($"return new LossTerms({only.Variable}, (\"{only.Name}\", {only.Variable})){outputs};");
                return;
            }

            w.Line($"var total = {Weighted(only)};");
            w.Line($"return new LossTerms(total, (\"{only.Name}\", total)){outputs};");
            return;
        }

        foreach (var term in terms.Where(x => x.Weight != 1.0))
        {
            w.Line($"var {term.Variable}Weighted = {Weighted(term)};");
        }

        string Var(LossTerm term) => term.Weight == 1.0 ? term.Variable : term.Variable + "Weighted";
        w.Line($"var total = {string.Join(" + ", terms.Select(Var))};");
        w.Line("return new LossTerms(");
        w.Line("    total,");
        for (int i = 0; i < terms.Count; i++)
        {
            w.Line($"    (\"{terms[i].Name}\", {Var(terms[i])}){(i == terms.Count - 1 ? ")" + outputs + ";" : ",")}");
        }
    }
}
