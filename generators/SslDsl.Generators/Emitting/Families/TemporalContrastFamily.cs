using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// TS2Vec (<c>[Ts2VecLoss]</c>): the pipeline draws two overlapping crops of every (augmented) series and a timestamp
/// mask for each (<c>Pipeline.Crops</c>); the encoder gives each crop's per-step states with the masked latent steps
/// zeroed (<c>TimestampEncoders.Encode</c>), and the hierarchical contrastive loss compares the overlap's states. It
/// adds no head: TS2Vec contrasts the encoder's states themselves.
/// </summary>
internal sealed class TemporalContrastFamily : IObjectiveFamily
{
    public void Plan(TaskPlan plan, IReadOnlyList<AttributeModel> objectives)
    {
        foreach (var objective in objectives)
        {
            PlanTs2Vec(plan, objective);
        }
    }

    private static void PlanTs2Vec(TaskPlan plan, AttributeModel objective)
    {
        plan.Pipeline.Parts.Add(new OverlappingCrops(
            plan.Input.Parameter,
            StepCalls.OfView(plan.Task, 0).ToEquatableArray(),
            objective.Literal(Ts2VecLoss.TemporalUnit),
            objective.Literal(Ts2VecLoss.MaskRatio)));
        var o = plan.Objective;
        string crops = o.Local("crops", $"pipeline.Crops(batch.{plan.Input.Tensor})");
        string first = o.Local("firstStates", $"TimestampEncoders.Encode(model.Encoder, {crops}.First, {crops}.FirstKept)");
        string second = o.Local("secondStates", $"TimestampEncoders.Encode(model.Encoder, {crops}.Second, {crops}.SecondKept)");
        o.Term(objective, o.Local(Naming.Variable(objective.Name),
            $"Losses.HierarchicalContrastive({crops}.OverlapOfFirst({first}), {crops}.OverlapOfSecond({second}), alpha: {objective.Literal(Ts2VecLoss.Alpha)}, temporalUnit: {objective.Literal(Ts2VecLoss.TemporalUnit)})"));
    }

    /// <summary>Pipeline.Crops: the declared augmentations on the whole series, then TS2Vec's two overlapping crops and their masks.</summary>
    private sealed record OverlappingCrops(string Parameter, EquatableArray<AttributeModel> Steps, string TemporalUnit, string MaskRatio) : IPipelinePart
    {
        public void Write(SourceWriter w)
        {
            w.Summary("TS2Vec's views: the augmented series cut into two overlapping crops (sharing at least 2^(TemporalUnit+1) steps), each with a timestamp mask of its latent steps.");
            using (w.Open($"public SeriesCrops Crops(Tensor {Parameter})"))
            {
                w.Line($"{Parameter} = {Parameter}.to(Device);");
                string series = StepCalls.Chain(w, "augmented", Parameter, Steps);
                w.Line($"return SeriesPretext.OverlappingCrops({series}, temporalUnit: {TemporalUnit}, maskRatio: {MaskRatio}, generator: generator);");
            }
        }
    }
}
