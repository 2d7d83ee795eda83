using System.Collections.Generic;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>Emits Describe(): the resolved task (pipeline, heads, losses, defaults) as readable text.</summary>
internal static class DescribeEmitter
{
    public static void Emit(SourceWriter w, TaskPlan plan)
    {
        w.Summary("A readable description of the resolved task: input, encoder, pipeline, heads, objectives and training defaults.");
        w.Line("public static string Describe() => string.Join(\"\\n\", new[]");
        w.Line("{");
        foreach (var line in Lines(plan))
        {
            w.Line("    " + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(line, quote: true) + ",");
        }

        w.Line("});");
    }

    /// <summary>The description, line by line.</summary>
    public static List<string> Lines(TaskPlan plan)
    {
        var t = plan.Task;
        var lines = new List<string>
        {
            $"{(t.IsMultiTask ? "Multi-task pretraining" : "Pretext task")} '{t.TaskName}' ({t.Type.Name})",
            $"  Input: {plan.Input.Description} -> {plan.Input.BatchType}",
            $"  Encoder: {EncoderText(t)} -> {t.Encoder?.OutputDim ?? 0} features",
        };

        if (t.IsMultiTask)
        {
            lines.Add("  Objectives (L = sum of weight * L_task, one shared encoder):");
            foreach (var m in t.Members)
            {
                lines.Add($"    {G(m.Weight)} x {m.TypeName.Replace("global::", "")} ('{m.TaskName}')");
            }
        }
        else
        {
            lines.Add($"  Views: {t.Views}");
            if (t.Steps.Count == 0)
            {
                lines.Add("  Pipeline: none");
            }
            else
            {
                lines.Add("  Pipeline (in order; random parameters drawn per sample and per view):");
                int i = 1;
                foreach (var step in t.Steps)
                {
                    string where = step.View < 0 ? "every view" : $"view {step.View} only";
                    lines.Add($"    {i++}. {Call(step, "View")} [{where}]");
                }
            }

            lines.Add(t.Heads.Count == 0 ? "  Heads: none declared" : "  Heads: " + string.Join(", ", t.Heads.Select(h => Call(h))));
            lines.Add("  Objectives (total = sum of weight * term):");
            foreach (var o in t.Objectives)
            {
                lines.Add($"    {G(o.Double("Weight"))} x {Call(o, "Weight")}");
            }
        }

        lines.Add($"  Optimizer: {Call(t.Optimizer)}");
        lines.Add($"  Schedule: {Call(t.Schedule)}");
        lines.Add($"  Training: {Args(t.Training)}");
        lines.Add(t.FineTune is null ? "  Fine-tune: not declared" : $"  Fine-tune: {Args(t.FineTune)}");
        return lines;
    }

    private static string G(double v) => v.ToString("G", System.Globalization.CultureInfo.InvariantCulture);

    private static string EncoderText(TaskModel t) =>
        t.Encoder is null ? "none"
        : t.Encoder.MemberName is not null ? $"{t.Type.Name}.{t.Encoder.MemberName}{(t.Encoder.IsProperty ? "" : "()")}"
        : t.Encoder.Backbone is not null ? Call(t.Encoder.Backbone, t.Encoder.Backbone.Text("Kind") == "TransformerEncoder" ? new string[0] : new[] { "Heads" })
        : "none";

    private static string Call(AttributeModel a, params string[] skip) => $"{a.Name}({Args(a, skip)})";

    private static string Args(AttributeModel a, params string[] skip) =>
        string.Join(", ", a.Args.Where(x => !skip.Contains(x.Name)).Select(x => $"{x.Name} = {Show(x)}"));

    private static string Show(ArgValue v) =>
        v.Text is { } text ? (v.Literal.StartsWith("new double[]") ? "{ " + text + " }" : text)
        : v.Literal.EndsWith("L") && char.IsDigit(v.Literal[0]) ? v.Literal.Substring(0, v.Literal.Length - 1)
        : v.Literal;
}
