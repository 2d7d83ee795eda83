using System;
using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Objectives that predict a transformation or the future: rotation (which of N quarter turns), jigsaw
/// (which permutation of a fixed set shuffled the tiles), relative patch position (which of the 8
/// neighbours), and time-series forecasting (the next Horizon steps from the augmented window before).
/// Each reads view 0 of the pipeline and adds a small head on the encoder; one method per objective.
/// </summary>
internal sealed class PredictionFamily : IObjectiveFamily
{
    private static readonly Dictionary<AttributeSpec, Action<TaskPlan, AttributeModel>> Planners = new()
    {
        [RotationPrediction] = PlanRotation,
        [JigsawPrediction] = PlanJigsaw,
        [RelativePatchPosition] = PlanRelativePosition,
        [ForecastLoss] = PlanForecast,
    };

    public void Plan(TaskPlan plan, IReadOnlyList<AttributeModel> objectives)
    {
        foreach (var objective in objectives)
        {
            Planners[objective.Spec](plan, objective);
        }
    }

    private static void PlanRotation(TaskPlan plan, AttributeModel objective)
    {
        string name = plan.Task.Type.Name;
        string angles = objective.Literal(RotationPrediction.Angles);
        plan.Model.Add(new ModelMember("rotationHead", "RotationHead", "ClassifierHead",
            $"new ClassifierHead({name}.EncoderOutputDim, classes: {angles})",
            "Predicts which rotation was applied."));
        var o = plan.Objective;
        o.Locals(new[] { "rotated", "rotationLabels" }, $"ImagePretext.Rotations({o.Views()}[0], angles: {angles}, pipeline.Generator)");
        o.Term(objective, o.Local(Naming.Variable(objective.Name), "Losses.Classification(model.RotationHead.call(model.Encoder.call(rotated)), rotationLabels)"));
    }

    private static void PlanJigsaw(TaskPlan plan, AttributeModel objective)
    {
        string name = plan.Task.Type.Name;
        plan.Model.Add(new ModelMember("jigsawHead", "JigsawHead", "ClassifierHead",
            $"new ClassifierHead({name}.EncoderOutputDim, classes: {objective.Literal(JigsawPrediction.Permutations)}, hidden: {name}.EncoderOutputDim)",
            "Predicts which permutation of the fixed set shuffled the tiles."));
        plan.Pipeline.Parts.Add(new JigsawPermutationSet(objective.Literal(JigsawPrediction.Grid), objective.Literal(JigsawPrediction.Permutations)));
        var o = plan.Objective;
        o.Locals(new[] { "shuffled", "permutationLabels" }, $"ImagePretext.Jigsaw({o.Views()}[0], grid: {objective.Literal(JigsawPrediction.Grid)}, Pipeline.JigsawPermutations, pipeline.Generator)");
        o.Term(objective, o.Local(Naming.Variable(objective.Name), "Losses.Classification(model.JigsawHead.call(model.Encoder.call(shuffled)), permutationLabels)"));
    }

    private static void PlanRelativePosition(TaskPlan plan, AttributeModel objective)
    {
        string name = plan.Task.Type.Name;
        plan.Model.Add(new ModelMember("positionHead", "PositionHead", "ClassifierHead",
            $"new ClassifierHead(2 * {name}.EncoderOutputDim, classes: 8, hidden: {name}.EncoderOutputDim)",
            "Predicts where the neighbour patch lies relative to the centre patch (8 positions)."));
        var o = plan.Objective;
        o.Locals(new[] { "centre", "neighbour", "positionLabels" }, $"ImagePretext.RelativePatches({o.Views()}[0], grid: {objective.Literal(RelativePatchPosition.Grid)}, pipeline.Generator)");
        string pair = o.Local("pairFeatures", "torch.cat(new[] { model.Encoder.call(centre), model.Encoder.call(neighbour) }, 1)");
        o.Term(objective, o.Local(Naming.Variable(objective.Name), $"Losses.Classification(model.PositionHead.call({pair}), positionLabels)"));
    }

    /// <summary>
    /// Pipeline.Forecast gives the context and the future: the steps that define what a series shows (Scaling)
    /// transform the whole window, so the future is scaled by the same factor as its context; the corruptions
    /// (Jitter, TimeMask) touch the context only, so the model is scored against the real future.
    /// </summary>
    private static void PlanForecast(TaskPlan plan, AttributeModel objective)
    {
        var task = plan.Task;
        string channels = task.Input.Literal(TimeSeriesInput.Channels);
        string horizon = objective.Literal(ForecastLoss.Horizon);
        plan.Model.Add(new ModelMember("forecastHead", "ForecastHead", "VectorDecoder",
            $"new VectorDecoder({task.Type.Name}.EncoderOutputDim, outputDim: {channels} * {horizon}, {CommonMembers.DecoderArguments(task)})",
            "Predicts the next Horizon steps of every channel from the encoded context window."));
        var steps = StepCalls.OfView(task, 0).ToList();
        plan.Pipeline.Parts.Add(new ForecastWindows(
            plan.Input.Parameter,
            horizon,
            steps.Where(s => !((StepSpec)s.Spec).Corrupts).ToEquatableArray(),
            steps.Where(s => ((StepSpec)s.Spec).Corrupts).ToEquatableArray()));
        var o = plan.Objective;
        o.Locals(new[] { "context", "future" }, $"pipeline.Forecast(batch.{plan.Input.Tensor})");
        string predicted = o.Local("predicted", $"model.ForecastHead.call(model.Encoder.call(context)).view(-1, {channels}, {horizon})");
        o.Term(objective, o.Local(Naming.Variable(objective.Name), $"Losses.Forecast({predicted}, future)"));
    }

    /// <summary>Pipeline.Forecast: the view-defining steps on the whole window, the split, then the corruptions on the context.</summary>
    private sealed record ForecastWindows(string Parameter, string Horizon, EquatableArray<AttributeModel> WindowSteps, EquatableArray<AttributeModel> Corruptions) : IPipelinePart
    {
        public void Write(SourceWriter w)
        {
            w.Summary("The forecast's input and target: Scaling transforms the whole window (context and future share each factor); noise and masking touch the context only.");
            using (w.Open($"public (Tensor Context, Tensor Future) Forecast(Tensor {Parameter})"))
            {
                w.Line($"{Parameter} = {Parameter}.to(Device);");
                string window = StepCalls.Chain(w, "window", Parameter, WindowSteps);
                w.Line($"var (context, future) = SeriesPretext.SplitForecast({window}, horizon: {Horizon});");
                string input = StepCalls.Chain(w, "augmented", "context", Corruptions);
                w.Line($"return ({input}, future);");
            }
        }
    }

    /// <summary>Pipeline.JigsawPermutations: the fixed permutation set (maximal minimum Hamming distance, seed 0).</summary>
    private sealed record JigsawPermutationSet(string Grid, string Count) : IPipelinePart
    {
        public void Write(SourceWriter w)
        {
            w.Summary("The fixed permutation set of the jigsaw task (maximal minimum Hamming distance, seed 0).");
            w.Line($"public static JigsawPermutations JigsawPermutations {{ get; }} = JigsawPermutations.Create(grid: {Grid}, count: {Count}, seed: 0);");
        }
    }
}
