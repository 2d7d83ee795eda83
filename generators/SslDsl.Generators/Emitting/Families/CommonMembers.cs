namespace SslDsl.Generators;

/// <summary>Model members several families share.</summary>
internal static class CommonMembers
{
    /// <summary>The projection head g(h) on top of the encoder.</summary>
    public static ModelMember Projection(TaskModel task, AttributeModel head) => new(
        "projection",
        "Projection",
        "ProjectionHead",
        $"new ProjectionHead({task.Type.Name}.EncoderOutputDim, hidden: {head.Literal("Hidden")}, output: {head.Literal("Output")}, layers: {head.Literal("Layers")}, batchNorm: {head.Literal("BatchNorm")})",
        "The projection head g(h) the joint-embedding loss is computed on.");
}
