using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Joint-embedding objectives (SimCLR, MoCo, BYOL, Barlow Twins, VICReg, Siamese margin, SimSiam, MoCo v3, NNCLR,
/// DCL, DCLW): every view goes
/// through the encoder and projection in one batched forward pass; a momentum target (when declared)
/// embeds the views without gradients. MoCo is the exception: its queries are encoded from view 0 alone and
/// its keys from view 1 alone, in the runtime's <c>ShufflingBatchNorm</c> groups. Each loss compares
/// embeddings of views as its catalog entry's <see cref="ViewPairing"/> says, calling
/// <see cref="ObjectiveSpec.RuntimeMethod"/> with its own parameters. Over more than two views a loss
/// averages every pair. A new loss of this kind needs no code here: its catalog entry and its runtime
/// method are enough.
/// </summary>
internal sealed class JointEmbeddingFamily : IObjectiveFamily
{
    public void Plan(TaskPlan plan, IReadOnlyList<AttributeModel> objectives)
    {
        var task = plan.Task;
        var projection = task.Head(ProjectionHead);
        var predictor = task.Head(PredictorHead);
        var momentum = task.Head(MomentumEncoder);
        var queue = momentum is null ? null : task.Head(NegativeQueue);
        PlanModel(plan, projection, predictor, momentum, queue);

        // With a momentum target, an asymmetric loss compares online queries of view 0 with target keys of
        // view 1, and takes the queue's keys as negatives (MoCo); otherwise it is symmetrized over the views.
        var pairings = objectives.Select(o => ((ObjectiveSpec)o.Spec).Pairing).ToList();
        bool queriesAndKeys = momentum is not null && pairings.Contains(ViewPairing.OrderedPairs);
        bool readsTarget = pairings.Contains(ViewPairing.PredictionToTarget);
        bool readsOnline = pairings.Any(p => p is ViewPairing.Pairs or ViewPairing.PredictionToOnline or ViewPairing.NeighbourToPrediction)
            || (pairings.Contains(ViewPairing.OrderedPairs) && !queriesAndKeys);
        bool readsPrediction = predictor is not null && pairings.Any(p => p is ViewPairing.PredictionToTarget or ViewPairing.PredictionToOnline or ViewPairing.NeighbourToPrediction);

        var o = plan.Objective;
        int views = task.Views;
        string all = $"torch.cat({o.Views()}, 0)";
        string embeddings = "";
        if (readsOnline || readsPrediction)
        {
            embeddings = o.Local("representations", $"model.Encoder.call({all})");
            if (projection is not null)
            {
                embeddings = o.Local("projections", $"model.Projection.call({embeddings})");
            }
        }

        string z = readsOnline ? o.Local("z", $"{embeddings}.chunk({views}, 0)") : "";
        string t = readsTarget ? o.Local("t", $"{o.NoGradLocal("targets", Target(projection is not null, all))}.chunk({views}, 0)") : "";
        string p = readsPrediction ? o.Local("p", $"model.Predictor.call({embeddings}).chunk({views}, 0)") : "";

        // MoCo: the queries come from their own view only, and the keys from the other view, shuffled
        // (ShufflingBatchNorm), so neither BatchNorm lets a query find its positive key by batch statistics.
        string queries = "", keys = "";
        if (queriesAndKeys)
        {
            string view = o.Reserve("view");
            queries = o.Local("queries", $"ShufflingBatchNorm.EncodeQueries({view} => {Online(projection is not null, view)}, {o.Views()}[0])");
            keys = o.NoGradLocal("keys", $"ShufflingBatchNorm.EncodeKeys({view} => {Target(projection is not null, view)}, {o.Views()}[1], pipeline.Generator)");
        }

        foreach (var objective in objectives)
        {
            var spec = (ObjectiveSpec)objective.Spec;
            string loss = spec.Pairing switch
            {
                ViewPairing.OrderedPairs when queriesAndKeys => Call(objective, queries, keys, queue is null ? "" : ", negatives: model.Queue.Negatives"),
                ViewPairing.OrderedPairs => PairAverage(views, symmetric: true, (i, j) => Call(objective, $"{z}[{i}]", $"{z}[{j}]")),
                ViewPairing.PredictionToTarget => PairAverage(views, symmetric: true, (i, j) => Call(objective, $"{p}[{i}]", $"{t}[{j}]")),
                ViewPairing.PredictionToOnline => PairAverage(views, symmetric: true, (i, j) => Call(objective, $"{p}[{i}]", $"{z}[{j}]")),
                ViewPairing.NeighbourToPrediction => PairAverage(views, symmetric: true, (i, j) =>
                    $"{spec.RuntimeMethod}(model.SupportSet.Nearest({z}[{i}]), {(readsPrediction ? p : z)}[{j}], temperature: {objective.Literal(NnclrLoss.Temperature)})"),
                _ => PairAverage(views, symmetric: false, (i, j) => Call(objective, $"{z}[{i}]", $"{z}[{j}]")),
            };
            o.Term(objective, o.Local(Naming.Variable(objective.Name), loss));
        }

        if (queriesAndKeys && queue is not null)
        {
            o.Output("keys", keys);
            plan.Trainer.AfterStep.Add("model.Queue.Enqueue(loss.Outputs[\"keys\"]);");
        }

        if (objectives.FirstOrDefault(x => x.Is(NnclrLoss)) is { } nnclr)
        {
            PlanSupportSet(plan, nnclr, z);
        }
    }

    /// <summary>NNCLR's support set: the embeddings of view 0 join it after each update.</summary>
    private static void PlanSupportSet(TaskPlan plan, AttributeModel nnclr, string z)
    {
        var task = plan.Task;
        plan.Model.Add(new ModelMember(
            "supportSet",
            "SupportSet",
            "SupportSet",
            $"new SupportSet(size: {nnclr.Literal(NnclrLoss.SupportSetSize)}, dim: {CommonMembers.EmbeddingDim(task)}, seed: {task.Training.Literal(Training.Seed)})",
            "NNCLR's support set of past embeddings, whose nearest neighbours are the positives (saved in checkpoints)."));
        plan.Objective.Output("support", $"{z}[0]");
        plan.Trainer.AfterStep.Add("model.SupportSet.Enqueue(loss.Outputs[\"support\"]);");
    }

    /// <summary>The projection, the predictor, the momentum target (with its EMA after each step) and the queue.</summary>
    private static void PlanModel(TaskPlan plan, AttributeModel? projection, AttributeModel? predictor, AttributeModel? momentum, AttributeModel? queue)
    {
        var task = plan.Task;
        if (projection is not null)
        {
            plan.Model.Add(CommonMembers.Projection(task, projection));
        }

        if (predictor is not null)
        {
            plan.Model.Add(new ModelMember(
                "predictor",
                "Predictor",
                "PredictorHead",
                $"new PredictorHead({CommonMembers.EmbeddingDim(task)}, hidden: {predictor.Literal(PredictorHead.Hidden)}, output: {predictor.Literal(PredictorHead.Output)})",
                "The online network's predictor q(z) (BYOL, SimSiam, MoCo v3, NNCLR)."));
        }

        if (momentum is null)
        {
            return;
        }

        CommonMembers.MomentumTarget(plan, momentum);
        if (projection is not null)
        {
            plan.Model.Add(CommonMembers.Projection(task, projection, "targetProjection", "TargetProjection", "The momentum (EMA) copy of the projection head.") with { CopiesWeightsOf = "projection" });
            plan.Trainer.AfterStep.Add("MomentumUpdate.Ema(model.TargetProjection, model.Projection, momentum);");
        }

        if (queue is not null)
        {
            plan.Model.Add(new ModelMember(
                "queue",
                "Queue",
                "NegativeQueue",
                $"new NegativeQueue(size: {queue.Literal(NegativeQueue.Size)}, dim: {CommonMembers.EmbeddingDim(task)}, seed: {task.Training.Literal(Training.Seed)})",
                "MoCo's memory bank of keys from past batches (saved in checkpoints)."));
        }
    }

    /// <summary>The online network (encoder, then the projection when declared) on <paramref name="input"/>.</summary>
    private static string Online(bool projected, string input) =>
        projected ? $"model.Projection.call(model.Encoder.call({input}))" : $"model.Encoder.call({input})";

    /// <summary>The momentum target (its encoder, then its projection when declared) on <paramref name="input"/>.</summary>
    private static string Target(bool projected, string input) =>
        projected ? $"model.TargetProjection.call(model.TargetEncoder.call({input}))" : $"model.TargetEncoder.call({input})";

    /// <summary>The loss's runtime call on two embeddings, with its own parameters in catalog order.</summary>
    private static string Call(AttributeModel objective, string a, string b, string extra = "")
    {
        var spec = (ObjectiveSpec)objective.Spec;
        string own = string.Concat(spec.Params.Where(p => p != spec.Weight).Select(p => $", {Naming.Camel(p.Name)}: {objective.Literal(p)}"));
        return $"{spec.RuntimeMethod}({a}, {b}{own}{extra})";
    }

    /// <summary>
    /// The average of <paramref name="call"/> over pairs of views: (0,1) for two views; every pair i &lt; j
    /// (both orders when <paramref name="symmetric"/>) for more.
    /// </summary>
    private static string PairAverage(int views, bool symmetric, System.Func<int, int, string> call)
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
