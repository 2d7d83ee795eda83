using System.Globalization;

namespace SslDsl.Generators;

/// <summary>Model members several families share.</summary>
internal static class CommonMembers
{
    /// <summary>The projection head g(h) on top of the encoder.</summary>
    public static ModelMember Projection(TaskModel task, AttributeModel head, string field = "projection", string property = "Projection", string summary = "The projection head g(h) the joint-embedding loss is computed on.") => new(
        field,
        property,
        "ProjectionHead",
        $"new ProjectionHead({task.Type.Name}.EncoderOutputDim, hidden: {head.Literal("Hidden")}, output: {head.Literal("Output")}, layers: {head.Literal("Layers")}, batchNorm: {head.Literal("BatchNorm")})",
        summary);

    /// <summary>Width of the embedding the joint-embedding loss sees: the projection output, else the encoder output.</summary>
    public static string EmbeddingDim(TaskModel task) =>
        task.Head("ProjectionHead") is { } p ? p.Literal("Output") : $"{task.Type.Name}.EncoderOutputDim";

    /// <summary>
    /// The EMA momentum expression at the current step: constant, or BYOL's cosine schedule from
    /// Momentum to FinalMomentum (1.0 when unset and the task uses ByolLoss).
    /// </summary>
    public static string MomentumExpression(TaskModel task)
    {
        var m = task.Head("MomentumEncoder")!;
        double final = m.Double("FinalMomentum");
        if (double.IsNaN(final) && task.Objective("ByolLoss") is not null)
        {
            final = 1.0;
        }

        return double.IsNaN(final) || final == m.Double("Momentum")
            ? m.Literal("Momentum")
            : $"MomentumUpdate.CosineSchedule(start: {m.Literal("Momentum")}, final: {AttributeModel.FormatDouble(final)}, progress: progress)";
    }

    /// <summary>Formats an integer for source.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
