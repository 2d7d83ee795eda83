using System.Collections.Generic;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// Joint-embedding objectives (SimCLR, MoCo, BYOL, Barlow Twins, VICReg, Siamese margin): every
/// view goes through the encoder and projection in one batched forward pass; a momentum target
/// (when declared) embeds the views without gradients; the loss compares the views' embeddings.
/// Symmetric losses over more than two views average every pair of views.
/// </summary>
internal sealed class JointEmbeddingFamily : IObjectiveFamily
{
    public bool Owns(string objectiveName) => AttributeCatalog.JointEmbedding.Contains(objectiveName);

    public void Plan(TaskPlan plan)
    {
        var task = plan.Task;
        var objectives = task.Objectives.Where(o => Owns(o.Name)).ToArray();
        if (objectives.Length == 0)
        {
            return;
        }

        int views = task.Views < 2 ? 2 : task.Views;
        var projection = task.Head("ProjectionHead");
        var predictor = task.Head("PredictorHead");
        var momentum = task.Head("MomentumEncoder");
        var queue = task.Head("NegativeQueue");
        string name = task.Type.Name;

        if (projection is not null)
        {
            plan.AddMember(CommonMembers.Projection(task, projection));
        }

        if (predictor is not null)
        {
            plan.AddMember(new ModelMember(
                "predictor",
                "Predictor",
                "PredictorHead",
                $"new PredictorHead({CommonMembers.EmbeddingDim(task)}, hidden: {predictor.Literal("Hidden")}, output: {predictor.Literal("Output")})",
                "The online network's predictor q(z) (BYOL)."));
        }

        if (momentum is not null)
        {
            plan.AddMember(new ModelMember(
                "targetEncoder",
                "TargetEncoder",
                "nn.Module<Tensor, Tensor>",
                "targetEncoder ?? throw new ArgumentNullException(nameof(targetEncoder))",
                "The momentum (EMA) copy of the encoder; never trained by gradients."));
            plan.NeedsTargetEncoder = true;
            if (projection is not null)
            {
                plan.AddMember(CommonMembers.Projection(task, projection, "targetProjection", "TargetProjection", "The momentum (EMA) copy of the projection head."));
            }

            plan.ConstructorLines.Add("MomentumUpdate.CopyWeights(targetEncoder, encoder);");
            if (projection is not null)
            {
                plan.ConstructorLines.Add("MomentumUpdate.CopyWeights(targetProjection, projection);");
            }

            plan.AfterStepLines.Add($"double momentum = {CommonMembers.MomentumExpression(task)};");
            plan.AfterStepLines.Add("MomentumUpdate.Ema(model.TargetEncoder, model.Encoder, momentum);");
            if (projection is not null)
            {
                plan.AfterStepLines.Add("MomentumUpdate.Ema(model.TargetProjection, model.Projection, momentum);");
            }
        }

        if (queue is not null && momentum is not null)
        {
            plan.AddMember(new ModelMember(
                "queue",
                "Queue",
                "NegativeQueue",
                $"new NegativeQueue(size: {queue.Literal("Size")}, dim: {CommonMembers.EmbeddingDim(task)}, seed: {task.Training.Literal("Seed")})",
                "MoCo's memory bank of keys from past batches (saved in checkpoints)."));
        }

        var lines = plan.LossLines;
        lines.Add($"var views = pipeline.Views(batch.{plan.Input.Tensor});");
        lines.Add("var representations = model.Encoder.forward(torch.cat(views, 0));");
        string embeddings = "representations";
        if (projection is not null)
        {
            lines.Add("var projections = model.Projection.forward(representations);");
            embeddings = "projections";
        }

        lines.Add($"var z = {embeddings}.chunk({views}, 0);");
        if (momentum is not null)
        {
            lines.Add("Tensor targets;");
            lines.Add("using (torch.no_grad())");
            lines.Add("{");
            lines.Add(projection is not null
                ? "    targets = model.TargetProjection.forward(model.TargetEncoder.forward(torch.cat(views, 0)));"
                : "    targets = model.TargetEncoder.forward(torch.cat(views, 0));");
            lines.Add("}");
            lines.Add("");
            lines.Add($"var t = targets.chunk({views}, 0);");
        }

        if (predictor is not null && objectives.Any(o => o.Name == "ByolLoss"))
        {
            lines.Add($"var p = model.Predictor.forward({embeddings}).chunk({views}, 0);");
        }

        bool enqueues = false;
        foreach (var objective in objectives)
        {
            string variable = Naming.Variable(objective.Name);
            switch (objective.Name)
            {
                case "NtXentLoss":
                    lines.Add($"var {variable} = {PairAverage(views, (i, j) => $"Losses.NtXent(z[{i}], z[{j}], temperature: {objective.Literal("Temperature")})")};");
                    break;

                case "InfoNceLoss" when momentum is not null:
                    // MoCo v2: queries from view 0 (online), keys from view 1 (momentum target), negatives from the queue.
                    lines.Add(queue is not null
                        ? $"var {variable} = Losses.InfoNce(z[0], t[1], temperature: {objective.Literal("Temperature")}, negatives: model.Queue.Negatives);"
                        : $"var {variable} = Losses.InfoNce(z[0], t[1], temperature: {objective.Literal("Temperature")});");
                    enqueues = queue is not null;
                    break;

                case "InfoNceLoss":
                    lines.Add($"var {variable} = {PairAverage(views, (i, j) => $"Losses.InfoNce(z[{i}], z[{j}], temperature: {objective.Literal("Temperature")})", symmetric: true)};");
                    break;

                case "ByolLoss":
                    // Each view's prediction regresses the momentum target of the other view, symmetrized.
                    lines.Add($"var {variable} = {PairAverage(views, (i, j) => $"Losses.Byol(p[{i}], t[{j}])", symmetric: true)};");
                    break;

                case "BarlowTwinsLoss":
                    lines.Add($"var {variable} = {PairAverage(views, (i, j) => $"Losses.BarlowTwins(z[{i}], z[{j}], lambda: {objective.Literal("Lambda")})")};");
                    break;

                case "VicRegLoss":
                    lines.Add($"var {variable} = {PairAverage(views, (i, j) => $"Losses.VicReg(z[{i}], z[{j}], invariance: {objective.Literal("Invariance")}, variance: {objective.Literal("Variance")}, covariance: {objective.Literal("Covariance")}, epsilon: {objective.Literal("Epsilon")})")};");
                    break;

                case "ContrastiveMarginLoss":
                    lines.Add($"var {variable} = {PairAverage(views, (i, j) => $"Losses.ContrastiveMargin(z[{i}], z[{j}], margin: {objective.Literal("Margin")})")};");
                    break;
            }

            plan.Terms.Add(new LossTerm(Naming.TermName(objective.Name), variable, objective.Literal("Weight"), objective.Double("Weight")));
        }

        if (enqueues)
        {
            plan.OutputLines.Add(".With(\"keys\", t[1])");
            plan.AfterStepLines.Add("model.Queue.Enqueue(loss.Outputs[\"keys\"]);");
        }
    }

    /// <summary>
    /// The average of <paramref name="call"/> over pairs of views: (0,1) for two views; every pair i &lt; j
    /// (both orders when <paramref name="symmetric"/>) for more.
    /// </summary>
    private static string PairAverage(int views, System.Func<int, int, string> call, bool symmetric = false)
    {
        var calls = new List<string>();
        for (int i = 0; i < views; i++)
        {
            for (int j = i + 1; j < views; j++)
            {
                calls.Add(call(i, j));
                if (symmetric)
                {
                    calls.Add(call(j, i));
                }
            }
        }

        return calls.Count == 1 ? calls[0] : $"({string.Join(" + ", calls)}) / {calls.Count}.0";
    }
}
