using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>Emits Describe(): the resolved task (pipeline, heads, losses, defaults) as readable text.</summary>
internal static class DescribeEmitter
{
    public static void Emit(SourceWriter w, TaskModel task, InputKind input)
    {
        w.Summary("A readable description of the resolved task: input, encoder, pipeline, heads, objectives and training defaults.");
        w.Line("public static string Describe() => string.Join(\"\\n\", new[]");
        w.Line("{");
        foreach (var line in Lines(task, input))
        {
            w.Line("    " + SymbolDisplay.FormatLiteral(line, quote: true) + ",");
        }

        w.Line("});");
    }

    /// <summary>The description, line by line.</summary>
    public static List<string> Lines(TaskModel t, InputKind input)
    {
        var lines = new List<string>
        {
            $"{(t is MultiTaskModel ? "Multi-task pretraining" : "Pretext task")} '{t.TaskName}' ({t.Type.Name})",
            $"  Input: {input.Description} -> {input.BatchType}",
            $"  Encoder: {EncoderText(t)} -> {t.Encoder.OutputDim} features",
        };

        if (t is MultimodalTaskModel multimodal)
        {
            lines[2] += " (the first input's: fine-tuning and probes read it)";
            foreach (var side in new[] { multimodal.First, multimodal.Second })
            {
                var names = SideNames.Of(side);
                lines.Add($"  {names.Name} side: {t.Type.Name}.{side.Encoder.MemberName}{(side.Encoder.IsProperty ? "" : "()")} -> {side.Encoder.OutputDim} features{(names.Kind.IsText ? " per token, mean-pooled" : "")}, then {Call(side.Projection)} (linear, no bias)");
                lines.Add(side.Steps.Count == 0 ? "    Pipeline: none" : "    Pipeline (in order; random parameters drawn per sample):");
                int i = 1;
                foreach (var step in side.Steps)
                {
                    lines.Add($"      {i++}. {Call(step, ((StepSpec)step.Spec).View)}");
                }
            }

            lines.Add("  Objectives (total = sum of weight * term):");
            lines.Add($"    {G(multimodal.Loss.Get(ClipLoss.Weight))} x {Call(multimodal.Loss, ClipLoss.Weight)}, logit scale learned from 1 / Temperature, at most 100");
        }

        switch (t)
        {
            case MultiTaskModel multi:
                lines.Add("  Objectives (L = sum of weight * L_task, one shared encoder):");
                foreach (var m in multi.Members)
                {
                    lines.Add($"    {G(m.Weight.Get(Objective.Weight))} x {m.TypeName.Replace("global::", "")} ('{m.TaskName}')");
                }

                break;

            case PretextTaskModel single:
                lines.Add(single.MultiCrop is { } multiCrop
                    ? $"  Views: {single.Views} = {single.GlobalViews} global + {single.Views - single.GlobalViews} local crops, {Call(multiCrop)}"
                    : $"  Views: {single.Views}");
                if (single.Steps.Count == 0)
                {
                    lines.Add("  Pipeline: none");
                }
                else
                {
                    lines.Add("  Pipeline (in order; random parameters drawn per sample and per view):");
                    int i = 1;
                    foreach (var step in single.Steps)
                    {
                        var view = ((StepSpec)step.Spec).View;
                        int v = step.Get(view);
                        lines.Add($"    {i++}. {Call(step, view)} [{(v < 0 ? "every view" : $"view {v} only")}]");
                    }
                }

                lines.Add(single.Heads.Count == 0 ? "  Heads: none declared" : "  Heads: " + string.Join(", ", single.Heads.Select(h => Call(h))));
                lines.Add("  Objectives (total = sum of weight * term):");
                foreach (var o in single.Objectives)
                {
                    var weight = ((ObjectiveSpec)o.Spec).Weight;
                    lines.Add($"    {G(o.Get(weight))} x {Call(o, weight)}");
                }

                break;
        }

        lines.Add($"  Optimizer: {Call(t.Optimizer)}");
        lines.Add($"  Schedule: {Call(t.Schedule)}");
        // Like the settings, the training line names AccumulateSteps only when the task accumulates, and Precision only when it is not Float32.
        var defaults = new List<ParamSpec>();
        if (t.Training.Get(Training.AccumulateSteps) == 1)
        {
            defaults.Add(Training.AccumulateSteps);
        }

        if (t.Training.Get(Training.Precision) == Training.Precision.Default)
        {
            defaults.Add(Training.Precision);
        }

        lines.Add($"  Training: {Arguments(t.Training, defaults.ToArray())}");
        lines.Add(t.FineTune is null ? "  Fine-tune: not declared" : $"  Fine-tune: {Arguments(t.FineTune)}");
        return lines;
    }

    private static string G(double v) => v.ToString("G", CultureInfo.InvariantCulture);

    private static string EncoderText(TaskModel t) =>
        t.Encoder.MemberName is { } member ? $"{t.Type.Name}.{member}{(t.Encoder.IsProperty ? "" : "()")}"
        : t.Encoder.Backbone is { } b ? Call(b, BackboneSkips(b.Get(Backbone.Kind)))
        : "none";

    /// <summary>The [Backbone] parameters a kind does not read: heads without attention, patches without a ViT.</summary>
    private static ParamSpec[] BackboneSkips(string kind) => kind switch
    {
        VisionTransformerChecks.Kind => new ParamSpec[0],
        "TransformerEncoder" => new ParamSpec[] { Backbone.PatchSize, Backbone.LearnedPositions },
        _ => new ParamSpec[] { Backbone.Heads, Backbone.PatchSize, Backbone.LearnedPositions },
    };

    private static string Call(AttributeModel a, params ParamSpec[] skip) => $"{a.Name}({Arguments(a, skip)})";

    private static string Arguments(AttributeModel a, params ParamSpec[] skip) =>
        string.Join(", ", a.Spec.Params.Where(p => !skip.Contains(p)).Select(p => $"{p.Name} = {Show(a.Value(p), p)}"));

    private static string Show(ArgValue v, ParamSpec p) => p.Type switch
    {
        ParamType.DoubleArray => "{ " + string.Join(",", v.Numbers.Select(ArgValue.FormatDouble)) + " }",
        ParamType.Long => v.Literal.TrimEnd('L'),
        _ => v.Text ?? v.Literal,
    };
}
