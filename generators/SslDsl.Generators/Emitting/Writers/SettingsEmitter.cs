using Microsoft.CodeAnalysis.CSharp;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>Emits the task's constants and declared settings.</summary>
internal static class SettingsEmitter
{
    public static void Emit(SourceWriter w, TaskModel t)
    {
        w.Summary($"The task's name, \"{t.TaskName}\".");
        w.Line($"public const string TaskName = {SymbolDisplay.FormatLiteral(t.TaskName, quote: true)};");
        w.Line();
        w.Summary("Width of the representation the encoder returns.");
        w.Line($"public const int EncoderOutputDim = {t.Encoder.OutputDim};");
        w.Line();
        w.Summary("Number of augmented views drawn per sample.");
        w.Line($"public const int ViewCount = {(t is PretextTaskModel single ? single.Views : 1)};");
        w.Line();

        var o = t.Optimizer;
        var s = t.Schedule;
        var tr = t.Training;
        w.Summary($"Training settings declared by the attributes: {RecipeText.Optimization(t)}. TrainingOptions override them at run time.");
        w.Line("public static TrainingSettings DeclaredTraining { get; } = new(");
        w.Line("    TaskName,");
        w.Line($"    BatchSize: {tr.Literal(Training.BatchSize)},");
        w.Line($"    Epochs: {tr.Literal(Training.Epochs)},");
        w.Line($"    Seed: {tr.Literal(Training.Seed)},");
        w.Line($"    GradientClip: {tr.Literal(Training.GradientClip)},");
        w.Line($"    Optimizer: new OptimizerSettings({o.Literal(Optimizer.Kind)}, LearningRate: {o.Literal(Optimizer.LearningRate)}, WeightDecay: {o.Literal(Optimizer.WeightDecay)}, Momentum: {o.Literal(Optimizer.Momentum)}),");
        // AccumulateSteps and Precision are written only when the task declares other values than the record's defaults (1, Float32).
        bool accumulates = tr.Get(Training.AccumulateSteps) != 1;
        bool lowered = tr.Get(Training.Precision) != Training.Precision.Default;
        w.Line($"    Schedule: new ScheduleSettings({s.Literal(LearningRateSchedule.Kind)}, WarmupEpochs: {s.Literal(LearningRateSchedule.WarmupEpochs)}, MinLearningRate: {s.Literal(LearningRateSchedule.MinLearningRate)}, StepEpochs: {s.Literal(LearningRateSchedule.StepEpochs)}, Gamma: {s.Literal(LearningRateSchedule.Gamma)}){(accumulates || lowered ? "," : ");")}");
        if (accumulates)
        {
            w.Line($"    AccumulateSteps: {tr.Literal(Training.AccumulateSteps)}{(lowered ? "," : ");")}");
        }

        if (lowered)
        {
            w.Line($"    Precision: {tr.Literal(Training.Precision)});");
        }
        w.Line();

        w.Summary(t.FineTune is { } declared ? $"Fine-tuning settings declared by [FineTune]: {RecipeText.FineTune(declared)}." : "The task declares no [FineTune]; pass FineTuneSettings to the FineTuner.");
        if (t.FineTune is { } f)
        {
            w.Line("public static FineTuneSettings? DeclaredFineTune { get; } = new(");
            w.Line($"    Classes: {f.Literal(FineTune.Classes)},");
            w.Line($"    Mode: {f.Literal(FineTune.Mode)},");
            w.Line($"    UnfreezeLastLayers: {f.Literal(FineTune.UnfreezeLastLayers)},");
            w.Line($"    Epochs: {f.Literal(FineTune.Epochs)},");
            w.Line($"    LearningRate: {f.Literal(FineTune.LearningRate)},");
            w.Line($"    EncoderLearningRateScale: {f.Literal(FineTune.EncoderLearningRateScale)},");
            w.Line($"    BatchSize: {f.Literal(FineTune.BatchSize)});");
        }
        else
        {
            w.Line("public static FineTuneSettings? DeclaredFineTune => null;");
        }
    }
}
