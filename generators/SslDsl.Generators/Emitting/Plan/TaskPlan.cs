namespace SslDsl.Generators;

/// <summary>
/// What the objective families contribute to a [PretextTask]'s generated code, as typed parts: the
/// Model's modules (<see cref="ModelPlan"/>), the Pipeline's members (<see cref="PipelinePlan"/>), the
/// statements, terms and outputs of the loss (<see cref="ObjectivePlan"/>) and the Trainer's extra work
/// and state (<see cref="TrainerPlan"/>). Each family adds to it; none reads what another wrote. The
/// writers (Emitting/Writers) turn it into source through one <see cref="SourceWriter"/>.
/// </summary>
internal sealed class TaskPlan
{
    public TaskPlan(PretextTaskModel task)
    {
        Task = task;
        Input = InputKind.Of(task.Input);
        Pipeline = new PipelinePlan();
        Objective = new ObjectivePlan(Input, Pipeline);
    }

    /// <summary>The task.</summary>
    public PretextTaskModel Task { get; }

    /// <summary>What the task's input means for generated code (batch type, tensor).</summary>
    public InputKind Input { get; }

    /// <summary>The Model's modules after the encoder.</summary>
    public ModelPlan Model { get; } = new();

    /// <summary>The Pipeline's members beyond the ones every pipeline has.</summary>
    public PipelinePlan Pipeline { get; }

    /// <summary>The body of the static Trainer.Objective(model, pipeline, batch).</summary>
    public ObjectivePlan Objective { get; }

    /// <summary>What the Trainer does after each update, and the state it saves.</summary>
    public TrainerPlan Trainer { get; } = new();
}
