using System.Collections.Generic;

namespace SslDsl.Generators;

/// <summary>
/// A family of objectives (joint-embedding, reconstruction, ...): it adds to the plan the heads its
/// objectives need, the statements and terms of their loss, and what the pipeline and the trainer need
/// for them. The catalog says which family owns an objective (<see cref="ObjectiveSpec.Family"/>).
/// </summary>
internal interface IObjectiveFamily
{
    /// <summary>Plans <paramref name="objectives"/> (the task's objectives of this family, in declaration order).</summary>
    void Plan(TaskPlan plan, IReadOnlyList<AttributeModel> objectives);
}

/// <summary>The family class of each <see cref="ObjectiveFamily"/>; families plan in the enum's order.</summary>
internal static class ObjectiveFamilies
{
    private static readonly IObjectiveFamily JointEmbedding = new JointEmbeddingFamily();
    private static readonly IObjectiveFamily Reconstruction = new ReconstructionFamily();
    private static readonly IObjectiveFamily Prediction = new PredictionFamily();
    private static readonly IObjectiveFamily Text = new TextFamily();
    private static readonly IObjectiveFamily SelfDistillation = new SelfDistillationFamily();
    private static readonly IObjectiveFamily Clustering = new ClusteringFamily();
    private static readonly IObjectiveFamily TemporalContrast = new TemporalContrastFamily();

    /// <summary>The family class of <paramref name="family"/>.</summary>
    public static IObjectiveFamily Of(ObjectiveFamily family) => family switch
    {
        ObjectiveFamily.JointEmbedding => JointEmbedding,
        ObjectiveFamily.Reconstruction => Reconstruction,
        ObjectiveFamily.Prediction => Prediction,
        ObjectiveFamily.Text => Text,
        ObjectiveFamily.SelfDistillation => SelfDistillation,
        ObjectiveFamily.Clustering => Clustering,
        ObjectiveFamily.TemporalContrast => TemporalContrast,
        _ => throw new System.InvalidOperationException($"No family plans objectives of {family}."),
    };
}
