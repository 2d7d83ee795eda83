using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// Emits the Trainer class. Its base, PretextTrainer&lt;TBatch, Model, Pipeline&gt;, holds everything that is
/// the same for every task; the Trainer holds its constructors, its objective and what the objectives add.
/// </summary>
internal static class TrainerEmitter
{
    public static void Emit(SourceWriter w, TaskPlan plan)
    {
        var t = plan.Task;
        string batch = plan.Input.BatchType;
        w.Summary($"Pretrains task '{t.TaskName}' on {RecipeText.Input(t.Input, plan.Input)}.", new[]
        {
            "Pipeline: " + RecipeText.Pipeline(t),
            $"Network: {RecipeText.Network(t)}.",
            $"Loss: {RecipeText.Losses(t)}.",
            $"Optimizer: {RecipeText.Optimization(t)}.",
            $"Step({batch}) runs one update; Fit(...) runs the epochs with metrics and checkpoints; Describe() lists every resolved value.",
        });
        using (w.Open($"public sealed partial class Trainer : PretextTrainer<{batch}, Model, Pipeline>"))
        {
            EmitConstructors(w, t.Type.Name);
            w.Line();
            w.Summary($"The task's loss on one batch: {RecipeText.Losses(t)}. Shared with multi-task pretraining.");
            using (w.Open($"public static LossTerms Objective(Model model, Pipeline pipeline, {batch} batch)"))
            {
                foreach (var statement in plan.Objective.Statements)
                {
                    statement.Write(w);
                }

                EmitTotal(w, plan.Objective);
            }

            EmitComputeLoss(w, plan.Input);
            var trainer = plan.Trainer;
            if (trainer.AfterStep.Count > 0)
            {
                w.Line();
                w.Summary("What follows every optimizer update (momentum target, queue); shared with multi-task pretraining.");
                w.Line("/// <param name=\"model\">The model just updated.</param>");
                w.Line("/// <param name=\"loss\">The step's loss and its outputs.</param>");
                w.Line("/// <param name=\"progress\">The fraction of training done, in [0, 1].</param>");
                using (w.Open("public static void AfterStep(Model model, LossTerms loss, double progress)"))
                {
                    trainer.AfterStep.ForEach(line => w.Line(line));
                }
            }

            if (trainer.AfterStep.Count > 0 || trainer.AfterStepWithTrainer.Count > 0)
            {
                w.Line();
                w.Line("/// <inheritdoc />");
                using (w.Open("protected override void AfterOptimizerStep(LossTerms loss)"))
                {
                    if (trainer.AfterStep.Count > 0)
                    {
                        w.Line("AfterStep(Model, loss, TrainingProgress);");
                    }

                    trainer.AfterStepWithTrainer.ForEach(line => w.Line(line));
                }
            }

            if (trainer.Optimizers.Count > 0)
            {
                EmitOptimizers(w, trainer);
            }
        }
    }

    /// <summary>The two constructors every Trainer has.</summary>
    public static void EmitConstructors(SourceWriter w, string taskClass)
    {
        w.Summary("Creates a trainer with a new model.");
        w.Line("/// <param name=\"options\">Run-time overrides (epochs, batch size, device, output folder); null keeps the declared values.</param>");
        w.Line("public Trainer(TrainingOptions? options = null)");
        w.Line("    : this(null, options)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.SummaryXml("Creates a trainer around an existing model (or a new one when <paramref name=\"model\"/> is null).");
        w.Line("public Trainer(Model? model, TrainingOptions? options)");
        w.Line($"    : base({taskClass}.DeclaredTraining, {taskClass}.EncoderOutputDim, model, options)");
        w.Line("{");
        w.Line("}");
    }

    /// <summary>ComputeLoss, which runs the static Objective; for text, the pooling of token states.</summary>
    public static void EmitComputeLoss(SourceWriter w, InputKind input)
    {
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"protected override LossTerms ComputeLoss({input.BatchType} batch) => Objective(Model, Pipeline, batch);");
        if (input.IsText)
        {
            w.Line();
            w.Summary("Token states [B,L,D] pool to one vector per sequence: the mean over real (non-padding) tokens.");
            w.Line("protected override Tensor Pool(Tensor encoderOutput, TokenBatch batch) => Backbones.MeanPool(encoderOutput, batch.AttentionMask.to(encoderOutput.device));");
        }
    }

    private static void EmitTotal(SourceWriter w, ObjectivePlan objective)
    {
        var terms = objective.Terms;
        string outputs = string.Concat(objective.Outputs.Select(o => $".With(\"{o.Key}\", {o.Expression})"));
        if (terms.Count == 0)
        {
            // Only an add-on term was declared (an [AdversarialLoss] without the [ReconstructionLoss] it extends).
            w.Line("throw new InvalidOperationException(\"The task declares no objective that forms a loss.\");");
            return;
        }

        if (terms.Count == 1 && terms[0].IsUnitWeight)
        {
            w.Line($"return new LossTerms({terms[0].Variable}, (\"{terms[0].Name}\", {terms[0].Variable})){outputs};");
            return;
        }

        if (terms.Count == 1)
        {
            w.Line($"var total = {terms[0].Weight} * {terms[0].Variable};");
            w.Line($"return new LossTerms(total, (\"{terms[0].Name}\", total)){outputs};");
            return;
        }

        var weighted = terms.Select(term => term.IsUnitWeight ? term.Variable : objective.Reserve(term.Variable + "Weighted")).ToArray();
        for (int i = 0; i < terms.Count; i++)
        {
            if (!terms[i].IsUnitWeight)
            {
                w.Line($"var {weighted[i]} = {terms[i].Weight} * {terms[i].Variable};");
            }
        }

        w.Line($"var total = {string.Join(" + ", weighted)};");
        w.Line("return new LossTerms(");
        w.Line("    total,");
        for (int i = 0; i < terms.Count; i++)
        {
            w.Line($"    (\"{terms[i].Name}\", {weighted[i]}){(i == terms.Count - 1 ? ")" + outputs + ";" : ",")}");
        }
    }

    /// <summary>Modules trained by their own optimizer: the optimizer, its exclusion from the total loss, its state and disposal.</summary>
    private static void EmitOptimizers(SourceWriter w, TrainerPlan trainer)
    {
        foreach (var o in trainer.Optimizers)
        {
            w.Line();
            w.Line($"private TrainingOptimizer? {o.Field};");
            w.Line();
            w.Summary(o.Summary);
            w.Line($"public TrainingOptimizer {o.Property} => {o.Field} ??= new TrainingOptimizer(Settings.Optimizer, Model.{o.Module}.parameters());");
        }

        w.Line();
        w.Summary($"The total loss trains every module but {string.Join(" and ", trainer.Optimizers.Select(o => o.Module))}, which {(trainer.Optimizers.Count == 1 ? "has its own optimizer" : "have their own optimizers")}.");
        string excluded = string.Join(" && ", trainer.Optimizers.Select(o => $"!parameterName.StartsWith(\"{o.ParameterPrefix}\", StringComparison.Ordinal)"));
        w.Line($"protected override bool TrainsWithTotalLoss(string parameterName) => {excluded};");
        w.Line();
        w.Summary("Saves the pipeline's state, then the state of the modules' own optimizers.");
        using (w.Open("protected override void SaveExtraState(System.IO.BinaryWriter writer)"))
        {
            w.Line("base.SaveExtraState(writer);");
            trainer.Optimizers.ForEach(o => w.Line($"{o.Property}.Save(writer);"));
        }

        w.Line();
        w.Summary("Reads what SaveExtraState wrote.");
        using (w.Open("protected override void LoadExtraState(System.IO.BinaryReader reader)"))
        {
            w.Line("base.LoadExtraState(reader);");
            trainer.Optimizers.ForEach(o => w.Line($"{o.Property}.Load(reader);"));
        }

        w.Line();
        w.Summary("Releases the modules' own optimizers, then the pipeline, the optimizer and the network.");
        using (w.Open("protected override void Dispose(bool disposing)"))
        {
            w.Line("if (disposing)");
            w.Line("{");
            trainer.Optimizers.ForEach(o => w.Line($"    {o.Field}?.Dispose();"));
            w.Line("}");
            w.Line();
            w.Line("base.Dispose(disposing);");
        }
    }
}
