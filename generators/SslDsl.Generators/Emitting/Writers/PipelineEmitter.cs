using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// Emits the Pipeline class: the declared augmentations as straight-line batched tensor code per
/// view, constants inlined, every random draw from one seeded generator on the model's device.
/// </summary>
internal static class PipelineEmitter
{
    public static void Emit(SourceWriter w, TaskPlan plan)
    {
        var t = plan.Task;
        string p = plan.Input.Parameter;
        w.Summary($"The augmentation pipeline of task '{t.TaskName}', applied to whole batches on the model's device: {RecipeText.Pipeline(t)}");
        using (w.Open("public sealed partial class Pipeline : ITaskPipeline<Pipeline>"))
        {
            PipelineScaffold.Emit(w, "every random draw");
            if (plan.Pipeline.DrawsViews)
            {
                w.Line();
                EmitViews(w, t, p);
            }

            w.Line();
            w.Summary("The deterministic part of the pipeline (normalization), for fine-tuning and inference.");
            string prepared = t.Steps.Where(s => s.Is(AttributeCatalog.Normalize)).Aggregate(p, (input, step) => StepCalls.Call(step, input));
            w.Line($"public static Tensor Prepare(Tensor {p}) => {prepared};");
            foreach (var part in plan.Pipeline.Parts)
            {
                w.Line();
                part.Write(w);
            }

            w.Line();
            w.Summary("Releases the generator.");
            w.Line("public void Dispose() => generator.Dispose();");
        }
    }

    private static void EmitViews(SourceWriter w, PretextTaskModel t, string p)
    {
        if (t.MultiCrop is { } multiCrop)
        {
            EmitCropSizes(w, multiCrop);
        }

        w.Summary(t.MultiCrop is null
            ? $"Draws {RecipeText.Count(t.Views, "independently augmented view")} of a batch, each through {RecipeText.Steps(t)}."
            : $"Draws the multi-crop views of a batch: {RecipeText.Count(t.GlobalViews, "global crop")} of GlobalCropSize pixels, then {RecipeText.Count(t.Views - t.GlobalViews, "local crop")} of LocalCropSize pixels, each through {RecipeText.Steps(t)}.");
        using (w.Open($"public Tensor[] Views(Tensor {p})"))
        {
            w.Line($"{p} = {p}.to(Device);");
            var views = Enumerable.Range(0, t.Views).Select(v => EmitView(w, t, v, p)).ToList();
            w.Line("return new[] { " + string.Join(", ", views) + " };");
        }
    }

    private static string EmitView(SourceWriter w, PretextTaskModel t, int v, string p)
    {
        if (t.MultiCrop is not { } multiCrop)
        {
            return StepCalls.Chain(w, $"view{v}", p, StepCalls.OfView(t, v));
        }

        w.Line($"var view{v} = {StepCalls.MultiCrop(multiCrop, v, p)};");
        return StepCalls.Chain(w, $"view{v}", $"view{v}", StepCalls.OfView(t, v));
    }

    private static void EmitCropSizes(SourceWriter w, AttributeModel multiCrop)
    {
        w.Summary("Side of the global crops, in pixels.");
        w.Line($"public const int GlobalCropSize = {multiCrop.Literal(AttributeCatalog.MultiCrop.GlobalSize)};");
        w.Line();
        w.Summary("Side of the local crops, in pixels (smaller than the global crops').");
        w.Line($"public const int LocalCropSize = {multiCrop.Literal(AttributeCatalog.MultiCrop.LocalSize)};");
        w.Line();
    }
}
