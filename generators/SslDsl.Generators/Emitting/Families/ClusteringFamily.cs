using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// SwAV: every view's projection (the encoder's output without a [ProjectionHead]) is scored against trainable
/// prototypes; the Sinkhorn-Knopp codes of each global crop, computed with the queue's features once it is active,
/// are predicted from every other crop. After each update the prototypes are renormalized and the global crops'
/// features join the queue.
/// </summary>
internal sealed class ClusteringFamily : IObjectiveFamily
{
    public void Plan(TaskPlan plan, IReadOnlyList<AttributeModel> objectives)
    {
        var task = plan.Task;
        var swav = objectives.FirstOrDefault(x => x.Is(SwavLoss));
        if (swav is null)
        {
            return;
        }

        var projection = task.Head(ProjectionHead);
        if (projection is not null && !plan.Model.Has("projection"))
        {
            plan.Model.Add(CommonMembers.Projection(task, projection));
        }

        string dim = CommonMembers.EmbeddingDim(task);
        plan.Model.Add(new ModelMember(
            "prototypes",
            "Prototypes",
            "SwavPrototypes",
            $"new SwavPrototypes({dim}, count: {swav.Literal(SwavLoss.Prototypes)}, freezeEpochs: {swav.Literal(SwavLoss.FreezePrototypesEpochs)})",
            "SwAV's prototypes: unit vectors the views' features are assigned to (renormalized after every update)."));
        bool queued = swav.Get(SwavLoss.QueueSize) > 0;
        if (queued)
        {
            plan.Model.Add(new ModelMember(
                "swavQueue",
                "SwavQueue",
                "SwavQueue",
                $"new SwavQueue(views: {task.GlobalViews}, size: {swav.Literal(SwavLoss.QueueSize)}, dim: {dim}, startEpoch: {swav.Literal(SwavLoss.QueueStartEpoch)}, seed: {task.Training.Literal(Training.Seed)})",
                "SwAV's queue of past features of each global crop (saved in checkpoints)."));
        }

        var o = plan.Objective;
        string network = projection is not null ? "model.Projection.call(model.Encoder.call({0}))" : "model.Encoder.call({0})";
        var (global, all) = CropEncoding.Outputs(plan, "swavFeatures", network);
        string scores = o.Local("swavScores", $"model.Prototypes.call({all}).chunk({task.Views}, 0)");
        string queue = queued ? ", queueScores: " + o.Local("swavQueueScores", "model.SwavQueue.Scores(model.Prototypes)") : "";
        o.Term(swav, o.Local("swav", $"Losses.Swav({scores}, globalViews: {task.GlobalViews}, temperature: {swav.Literal(SwavLoss.Temperature)}, sinkhornIterations: {swav.Literal(SwavLoss.SinkhornIterations)}, epsilon: {swav.Literal(SwavLoss.Epsilon)}{queue})"));

        plan.Trainer.AfterStep.Add("model.Prototypes.Normalize();");
        if (queued)
        {
            o.Output("swav_features", global);
            plan.Trainer.AfterStep.Add("model.SwavQueue.Enqueue(loss.Outputs[\"swav_features\"]);");
        }
    }
}
