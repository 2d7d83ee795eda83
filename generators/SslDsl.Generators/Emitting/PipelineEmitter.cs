using System.Collections.Generic;
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
        w.Summary($"The augmentation pipeline of task '{t.TaskName}', applied to whole batches on the model's device.");
        using (w.Open("public sealed partial class Pipeline : IDisposable"))
        {
            w.Line("private readonly Generator generator;");
            w.Line();
            w.SummaryXml("Creates the pipeline on <paramref name=\"device\"/>, its random draws seeded by <paramref name=\"seed\"/>.");
            using (w.Open("public Pipeline(Device device, long seed)"))
            {
                w.Line("Device = device ?? throw new ArgumentNullException(nameof(device));");
                w.Line("generator = new Generator(unchecked((ulong)seed), device);");
            }

            w.Line();
            w.Summary("The device the pipeline draws on.");
            w.Line("public Device Device { get; }");
            w.Line();
            w.Summary("The generator every random draw comes from (its state is saved in checkpoints).");
            w.Line("public Generator Generator => generator;");
            w.Line();
            EmitViews(w, plan, p);
            w.Line();
            w.Summary("The deterministic part of the pipeline (normalization), for fine-tuning and inference.");
            w.Line($"public static Tensor Prepare(Tensor {p}) => {PrepareExpression(t, p)};");
            foreach (var code in plan.PipelineCode)
            {
                w.Line();
                w.Line(code);
            }

            w.Line();
            w.Summary("Releases the generator.");
            w.Line("public void Dispose() => generator.Dispose();");
        }
    }

    private static void EmitViews(SourceWriter w, TaskPlan plan, string p)
    {
        var t = plan.Task;
        int views = t.Views < 1 ? 1 : t.Views;
        w.Summary($"Draws {views} independently augmented view(s) of a batch.");
        using (w.Open($"public Tensor[] Views(Tensor {p})"))
        {
            w.Line($"{p} = {p}.to(Device);");
            for (int v = 0; v < views; v++)
            {
                string name = $"view{v}";
                w.Line($"var {name} = {p};");
                foreach (var step in StepsOfView(t, v))
                {
                    w.Line($"{name} = {Call(step, name)};");
                }
            }

            w.Line("return new[] { " + string.Join(", ", Enumerable.Range(0, views).Select(v => $"view{v}")) + " };");
        }
    }

    /// <summary>The augmentation (not masking) steps that apply to view <paramref name="view"/>, in order.</summary>
    public static IEnumerable<AttributeModel> StepsOfView(TaskModel t, int view) =>
        t.Steps.Where(s => AttributeCatalog.All[s.Name].Category == AttributeCategory.Augmentation && (s.View < 0 || s.View == view));

    /// <summary>The runtime call of one step on <paramref name="input"/>.</summary>
    public static string Call(AttributeModel step, string input)
    {
        var spec = AttributeCatalog.All[step.Name];
        if (step.Name == "Normalize")
        {
            return $"{spec.RuntimeClass}.Normalize({input}, mean: {step.Literal("Mean")}, std: {step.Literal("Std")})";
        }

        var args = spec.Params
            .Where(x => x.Name != "View" && x.Name != "P")
            .Select(x => $"{Naming.Camel(x.Name)}: {step.Literal(x.Name)}")
            .Concat(new[] { $"p: {step.Literal("P")}", "generator: generator" });
        return $"{spec.RuntimeClass}.{step.Name}({input}, {string.Join(", ", args)})";
    }

    private static string PrepareExpression(TaskModel t, string p)
    {
        string expression = p;
        foreach (var step in t.Steps.Where(s => s.Name == "Normalize"))
        {
            expression = Call(step, expression);
        }

        return expression;
    }
}
