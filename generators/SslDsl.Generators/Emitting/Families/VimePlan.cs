using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// VIME's self-supervised objective (Yoon et al., NeurIPS 2020) on tabular rows: [VimeMask] corrupts the clean rows
/// (Pipeline.MaskColumns: a masked column takes another row's value), the encoder reads the corrupted rows, a mask
/// estimator predicts which columns were replaced and a feature estimator reconstructs the clean row
/// (<c>Losses.Vime</c>: mask BCE + Alpha · reconstruction). The columns come from the task's [CategoricalFeature]s
/// (<see cref="TabularLayout"/>), so a categorical column is masked as a whole and reconstructed by cross-entropy.
/// </summary>
internal static class VimePlan
{
    public static void Plan(TaskPlan plan, AttributeModel objective)
    {
        var task = plan.Task;
        var columns = task.Columns ?? new TabularLayout(task.Input.Get(TabularInput.Features), default, default);
        string name = task.Type.Name;
        string decoder = CommonMembers.DecoderArguments(task);
        plan.Model.Add(new ModelMember("maskEstimator", "MaskEstimator", "VectorDecoder",
            $"new VectorDecoder({name}.EncoderOutputDim, outputDim: {columns.Count}, {decoder}, name: \"maskEstimator\")",
            "VIME's mask estimator: one logit per column, whether the column was replaced."));
        plan.Model.Add(new ModelMember("featureEstimator", "FeatureEstimator", "VectorDecoder",
            $"new VectorDecoder({name}.EncoderOutputDim, outputDim: {columns.Outputs}, {decoder}, name: \"featureEstimator\")",
            "VIME's feature estimator: the clean row's numeric values and a logit per category of each categorical column."));

        var mask = task.Step(VimeMask) ?? VimeMask.Defaults;
        plan.Pipeline.Parts.Add(new MaskColumnsPart(plan.Input.Parameter, mask, columns));
        var o = plan.Objective;
        string clean = o.Local("clean", $"batch.{plan.Input.Tensor}.to(pipeline.Device)");
        string corrupted = o.Local("vimeCorrupted", $"pipeline.MaskColumns({clean})");
        string representation = o.Local("vimeRepresentation", $"model.Encoder.call({corrupted}.Input)");
        o.Term(objective, o.Local("vime", $"Losses.Vime(model.MaskEstimator.call({representation}), model.FeatureEstimator.call({representation}), {corrupted}.Mask, {clean}, Pipeline.Columns, alpha: {objective.Literal(VimeLoss.Alpha)})"));
    }

    /// <summary>The runtime layout: <c>TabularColumns.Plain(F)</c>, or the numeric count and the categorical cardinalities.</summary>
    private static string Construction(TabularLayout columns) => columns.IsPlain
        ? $"TabularColumns.Plain({columns.Numeric})"
        : $"new TabularColumns(numeric: {columns.Numeric}, oneHot: {Ints(columns.OneHot)}, embedded: {Ints(columns.Embedded)})";

    private static string Ints(EquatableArray<int> values) =>
        values.Count == 0 ? "System.Array.Empty<int>()" : $"new[] {{ {string.Join(", ", values)} }}";

    /// <summary>Pipeline.Columns (the table's columns) and Pipeline.MaskColumns (VIME's mask generator and corruption).</summary>
    private sealed record MaskColumnsPart(string Parameter, AttributeModel Step, TabularLayout Columns) : IPipelinePart
    {
        public void Write(SourceWriter w)
        {
            w.Summary($"The table's columns as VIME masks and reconstructs them: {Describe(Columns)}.");
            w.Line($"public static TabularColumns Columns {{ get; }} = {Construction(Columns)};");
            w.Line();
            w.Summary("VIME's corruption of clean rows: each column is masked with the declared probability and takes the same column of a random other row; Mask is 1 where a column was replaced.");
            using (w.Open($"public TabularMaskResult MaskColumns(Tensor {Parameter})"))
            {
                w.Line($"return VimeMasking.VimeMask({Parameter}.to(Device), {StepCalls.Arguments(Step)}, generator: generator, columns: Columns);");
            }
        }

        private static string Describe(TabularLayout c)
        {
            string text = $"{c.Numeric} numeric";
            if (c.OneHot.Count > 0)
            {
                text += $", one-hot blocks of {string.Join(", ", c.OneHot)} categories";
            }

            if (c.Embedded.Count > 0)
            {
                text += $", embedded indices of {string.Join(", ", c.Embedded)} categories";
            }

            return text;
        }
    }
}
