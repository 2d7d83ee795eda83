using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>Emits the FineTuner class: the declared classifier head on the pretrained encoder.</summary>
internal static class FineTunerEmitter
{
    public static void Emit(SourceWriter w, TaskModel t, InputKind input)
    {
        string batch = input.BatchType;
        w.Summary($"Fine-tunes the encoder of task '{t.TaskName}' on labelled data and reports accuracy: {(t.FineTune is { } f ? RecipeText.FineTune(f) : "with the FineTuneSettings given at run time (the task declares no [FineTune])")}.");
        using (w.Open($"public sealed partial class FineTuner : FineTuner<{batch}>"))
        {
            w.Summary("Fine-tunes the encoder of a pretrained model.");
            w.Line("/// <param name=\"model\">The pretrained model (its encoder is used).</param>");
            w.Line("/// <param name=\"settings\">Overrides the declared [FineTune]; required when the task declares none.</param>");
            w.Line("/// <param name=\"options\">Device, seed, log; Epochs and BatchSize override the fine-tune values.</param>");
            w.Line("public FineTuner(Model model, FineTuneSettings? settings = null, TrainingOptions? options = null)");
            w.Line("    : this((model ?? throw new ArgumentNullException(nameof(model))).Encoder, settings, options)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.SummaryXml("Fine-tunes <paramref name=\"encoder\"/> (for example one imported from an exported encoder file).");
            w.Line("public FineTuner(nn.Module<Tensor, Tensor> encoder, FineTuneSettings? settings = null, TrainingOptions? options = null)");
            w.Line($"    : base(encoder, {t.Type.Name}.EncoderOutputDim, settings ?? {t.Type.Name}.DeclaredFineTune ?? throw new ArgumentException(\"Task '{t.TaskName}' declares no [FineTune]; pass FineTuneSettings.\", nameof(settings)), options)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line($"protected override Tensor PrepareInputs({batch} batch) => {t.Type.Name}.Pipeline.Prepare(batch.{input.Tensor});");
            if (input.IsText)
            {
                w.Line();
                w.Summary("Token states [B,L,D] pool to one vector per sequence: the mean over real (non-padding) tokens.");
                w.Line("protected override Tensor Pool(Tensor encoderOutput, TokenBatch batch) => Backbones.MeanPool(encoderOutput, batch.AttentionMask.to(encoderOutput.device));");
            }
        }
    }
}
