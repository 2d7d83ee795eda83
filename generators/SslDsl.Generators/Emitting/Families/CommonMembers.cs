using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>Model members and expressions several families share.</summary>
internal static class CommonMembers
{
    /// <summary>The projection head g(h) on top of the encoder (or its momentum copy).</summary>
    public static ModelMember Projection(PretextTaskModel task, AttributeModel head, string field = "projection", string property = "Projection", string summary = "The projection head g(h) the joint-embedding loss is computed on.") => new(
        field,
        property,
        "ProjectionHead",
        $"new ProjectionHead({task.Type.Name}.EncoderOutputDim, hidden: {head.Literal(ProjectionHead.Hidden)}, output: {head.Literal(ProjectionHead.Output)}, layers: {head.Literal(ProjectionHead.Layers)}, batchNorm: {head.Literal(ProjectionHead.BatchNorm)})",
        summary);

    /// <summary>Width of the embedding the joint-embedding loss sees: the projection output, else the encoder output.</summary>
    public static string EmbeddingDim(PretextTaskModel task) =>
        task.Head(ProjectionHead) is { } p ? p.Literal(ProjectionHead.Output) : $"{task.Type.Name}.EncoderOutputDim";

    /// <summary>
    /// The EMA momentum expression at the current step: constant, or BYOL's cosine schedule from
    /// Momentum to FinalMomentum (1.0 when unset and the task uses ByolLoss, MocoV3Loss or DinoLoss, whose papers raise it to 1).
    /// </summary>
    public static string MomentumExpression(PretextTaskModel task, AttributeModel momentum)
    {
        double final = momentum.Get(MomentumEncoder.FinalMomentum);
        if (double.IsNaN(final) && (task.Objective(ByolLoss) ?? task.Objective(MocoV3Loss) ?? task.Objective(DinoLoss)) is not null)
        {
            final = 1.0;
        }

        return double.IsNaN(final) || final == momentum.Get(MomentumEncoder.Momentum)
            ? momentum.Literal(MomentumEncoder.Momentum)
            : $"MomentumUpdate.CosineSchedule(start: {momentum.Literal(MomentumEncoder.Momentum)}, final: {ArgValue.FormatDouble(final)}, progress: progress)";
    }

    /// <summary>
    /// The momentum target of the encoder, once per task (several families may ask): the second encoder
    /// instance, the momentum of the current step and the encoder's EMA after each update.
    /// </summary>
    public static void MomentumTarget(TaskPlan plan, AttributeModel momentum)
    {
        if (plan.Model.TakesTargetEncoder)
        {
            return;
        }

        plan.Model.Add(ModelMember.TargetEncoder);
        plan.Trainer.AfterStep.Add($"double momentum = {MomentumExpression(plan.Task, momentum)};");
        plan.Trainer.AfterStep.Add("MomentumUpdate.Ema(model.TargetEncoder, model.Encoder, momentum);");
    }

    /// <summary>A [Decoder]'s hidden width and layers as arguments, the catalog's when the task declares none.</summary>
    public static string DecoderArguments(PretextTaskModel task)
    {
        var decoder = task.Head(Decoder) ?? Decoder.Defaults;
        return $"hidden: {decoder.Literal(Decoder.Hidden)}, layers: {decoder.Literal(Decoder.Layers)}";
    }
}
