namespace SslDsl.Generators;

/// <summary>Emits the task's constants and declared settings.</summary>
internal static class SettingsEmitter
{
    public static void Emit(SourceWriter w, TaskPlan plan)
    {
        var t = plan.Task;
        w.Summary($"The task's name, \"{t.TaskName}\".");
        w.Line($"public const string TaskName = {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(t.TaskName, quote: true)};");
        w.Line();
        w.Summary("Width of the representation the encoder returns.");
        w.Line($"public const int EncoderOutputDim = {t.Encoder?.OutputDim ?? 0};");
        w.Line();
        w.Summary("Number of augmented views drawn per sample.");
        w.Line($"public const int ViewCount = {t.Views};");
        w.Line();

        var o = t.Optimizer;
        var s = t.Schedule;
        var tr = t.Training;
        w.Summary("Training settings declared by the attributes; TrainingOptions override them at run time.");
        w.Line("public static TrainingSettings DeclaredTraining { get; } = new(");
        w.Line("    TaskName,");
        w.Line($"    BatchSize: {tr.Literal("BatchSize")},");
        w.Line($"    Epochs: {tr.Literal("Epochs")},");
        w.Line($"    Seed: {tr.Literal("Seed")},");
        w.Line($"    GradientClip: {tr.Literal("GradientClip")},");
        w.Line($"    Optimizer: new OptimizerSettings({o.Literal("Kind")}, LearningRate: {o.Literal("LearningRate")}, WeightDecay: {o.Literal("WeightDecay")}, Momentum: {o.Literal("Momentum")}),");
        w.Line($"    Schedule: new ScheduleSettings({s.Literal("Kind")}, WarmupEpochs: {s.Literal("WarmupEpochs")}, MinLearningRate: {s.Literal("MinLearningRate")}, StepEpochs: {s.Literal("StepEpochs")}, Gamma: {s.Literal("Gamma")}));");
        w.Line();

        w.Summary(t.FineTune is null ? "The task declares no [FineTune]; pass FineTuneSettings to the FineTuner." : "Fine-tuning settings declared by [FineTune].");
        if (t.FineTune is { } f)
        {
            w.Line("public static FineTuneSettings? DeclaredFineTune { get; } = new(");
            w.Line($"    Classes: {f.Literal("Classes")},");
            w.Line($"    Mode: {f.Literal("Mode")},");
            w.Line($"    UnfreezeLastLayers: {f.Literal("UnfreezeLastLayers")},");
            w.Line($"    Epochs: {f.Literal("Epochs")},");
            w.Line($"    LearningRate: {f.Literal("LearningRate")},");
            w.Line($"    EncoderLearningRateScale: {f.Literal("EncoderLearningRateScale")},");
            w.Line($"    BatchSize: {f.Literal("BatchSize")});");
        }
        else
        {
            w.Line("public static FineTuneSettings? DeclaredFineTune => null;");
        }
    }
}
