using System.Collections.Generic;

namespace SslDsl.Generators;

/// <summary>A module the generated Model holds.</summary>
/// <param name="Field">The registered field name (names the parameters in checkpoints).</param>
/// <param name="Property">The public property exposing it.</param>
/// <param name="Type">Its C# type.</param>
/// <param name="Initializer">The expression that creates it inside the Model constructor.</param>
/// <param name="Summary">XML doc summary.</param>
internal sealed record ModelMember(string Field, string Property, string Type, string Initializer, string Summary);

/// <summary>A named, weighted term of the total loss.</summary>
/// <param name="Name">Name in metrics (snake_case).</param>
/// <param name="Variable">The local variable holding the unweighted term.</param>
/// <param name="WeightLiteral">Its weight as a C# literal.</param>
/// <param name="Weight">Its weight.</param>
internal sealed record LossTerm(string Name, string Variable, string WeightLiteral, double Weight);

/// <summary>
/// What the objective families contribute to a task's generated code: model members, the
/// straight-line loss body, terms, and code that runs after each optimizer step.
/// </summary>
internal sealed class TaskPlan
{
    public TaskPlan(TaskModel task, InputKind input)
    {
        Task = task;
        Input = input;
    }

    public TaskModel Task { get; }

    public InputKind Input { get; }

    /// <summary>Modules of the Model, after the encoder.</summary>
    public List<ModelMember> Members { get; } = new();

    /// <summary>Statements of the static Objective(model, pipeline, batch) method, before the total is formed.</summary>
    public List<string> LossLines { get; } = new();

    /// <summary>The loss terms, in declaration order.</summary>
    public List<LossTerm> Terms { get; } = new();

    /// <summary>
    /// Statements of the static Trainer.AfterStep(model, loss, progress) that follows every update
    /// (momentum EMA, queue); shared with multi-task pretraining.
    /// </summary>
    public List<string> AfterStepLines { get; } = new();

    /// <summary>Statements of Trainer.AfterOptimizerStep that need the trainer instance (its own optimizers).</summary>
    public List<string> AfterStepInstanceLines { get; } = new();

    /// <summary>Extra members of the Model class (methods), as source lines.</summary>
    public List<string> ModelCode { get; } = new();

    /// <summary>Extra members of the Pipeline class (methods), as source lines.</summary>
    public List<string> PipelineCode { get; } = new();

    /// <summary>Extra members of the Trainer class, as source lines.</summary>
    public List<string> TrainerCode { get; } = new();

    /// <summary>Modules excluded from the optimizer (momentum targets), by Model property.</summary>
    public List<string> FrozenProperties { get; } = new();

    /// <summary>Statements at the end of the Model constructor (after RegisterComponents).</summary>
    public List<string> ConstructorLines { get; } = new();

    /// <summary>Calls chained onto the returned LossTerms (e.g. <c>.With("keys", t[1])</c>).</summary>
    public List<string> OutputLines { get; } = new();

    /// <summary>Statements of Trainer.SaveExtraState after the pipeline generator (uses <c>writer</c>).</summary>
    public List<string> SaveStateLines { get; } = new();

    /// <summary>Statements of Trainer.LoadExtraState after the pipeline generator (uses <c>reader</c>).</summary>
    public List<string> LoadStateLines { get; } = new();

    /// <summary>Whether the Model takes a second encoder instance as its momentum target.</summary>
    public bool NeedsTargetEncoder { get; set; }

    /// <summary>Whether a member with <paramref name="property"/> was planned.</summary>
    public bool HasMember(string property) => Members.Exists(m => m.Property == property);

    /// <summary>Adds a member once.</summary>
    public void AddMember(ModelMember member)
    {
        if (!HasMember(member.Property))
        {
            Members.Add(member);
        }
    }
}
