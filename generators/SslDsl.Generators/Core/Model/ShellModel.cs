namespace SslDsl.Generators;

/// <summary>
/// A task whose declaration has errors. The generator emits its types as shells: the public surface the
/// user's code reads (the settings, Describe(), Model, Pipeline, Trainer, FineTuner, and what a multi-task
/// pretraining calls on its members), every member throwing an exception that names the errors. So the
/// user's own uses of them add no compiler error: one mistake in a declaration gives one error.
/// </summary>
/// <param name="Type">Where the class is declared.</param>
/// <param name="DisplayName">The class as messages name it, e.g. "Samples.FashionSimClr".</param>
/// <param name="TaskName">The declared task name, or "" when it cannot be read.</param>
/// <param name="IsMultiTask">Whether it is a [MultiTaskPretraining].</param>
/// <param name="Input">Its input attribute, which gives the batch type (see <see cref="ShellModelBuilder"/>).</param>
/// <param name="HasMomentum">Whether it declares [MomentumEncoder]: its Model then takes a target encoder and its Trainer has AfterStep.</param>
/// <param name="Errors">Each error of the declaration as "SSL007: message"; empty when only the compiler reports them.</param>
internal sealed record ShellModel(
    TypeModel Type,
    string DisplayName,
    string TaskName,
    bool IsMultiTask,
    AttributeModel Input,
    bool HasMomentum,
    EquatableArray<string> Errors)
    : GeneratedTask(Type)
{
    /// <summary>A multimodal task's second input (its first is <see cref="Input"/>), or null: the Trainer then takes the pair.</summary>
    public AttributeModel? SecondInput { get; init; }
}
