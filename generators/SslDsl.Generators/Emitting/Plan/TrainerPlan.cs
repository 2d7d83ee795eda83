using System.Collections.Generic;

namespace SslDsl.Generators;

/// <summary>
/// A module trained by its own optimizer rather than by the total loss (an adversarial discriminator):
/// the Trainer creates the optimizer, keeps the module's parameters out of the main one, and saves its state.
/// </summary>
/// <param name="Field">The optimizer's backing field.</param>
/// <param name="Property">The optimizer's public property.</param>
/// <param name="Module">The Model property of the module.</param>
/// <param name="ParameterPrefix">The prefix of the module's parameter names in the Model (its field and a dot).</param>
/// <param name="Summary">XML doc summary of the property.</param>
internal sealed record AuxiliaryOptimizer(string Field, string Property, string Module, string ParameterPrefix, string Summary);

/// <summary>What the families add to the Trainer: work after each update and modules with their own optimizer.</summary>
internal sealed class TrainerPlan
{
    /// <summary>
    /// Statements of the static Trainer.AfterStep(model, loss, progress) that follows every update (momentum EMA,
    /// queue); multi-task pretraining calls it for its members.
    /// </summary>
    public List<string> AfterStep { get; } = new();

    /// <summary>Statements of Trainer.AfterOptimizerStep(loss) that need the trainer itself (its own optimizers).</summary>
    public List<string> AfterStepWithTrainer { get; } = new();

    /// <summary>Modules trained by their own optimizer.</summary>
    public List<AuxiliaryOptimizer> Optimizers { get; } = new();
}
