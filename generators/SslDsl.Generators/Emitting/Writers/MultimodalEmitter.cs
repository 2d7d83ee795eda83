using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Emits a multimodal task (CLIP): the settings, Describe(), a Model with one encoder and linear projection per
/// input and the learned logit scale, a Pipeline per input (<see cref="MultimodalPipelineEmitter"/>), a Trainer on
/// the typed <c>PairedBatch</c>, the FineTuner of the first input's encoder and, when the second input is text, a
/// zero-shot classifier.
/// </summary>
internal static class MultimodalEmitter
{
    public static void Emit(SourceWriter w, MultimodalTaskModel t)
    {
        var first = SideNames.Of(t.First);
        var second = SideNames.Of(t.Second);
        var paired = PairedKind(first, second);
        SettingsEmitter.Emit(w, t);
        w.Line();
        w.Summary("Width of the embedding the two inputs share (each projection's output).");
        w.Line($"public const int EmbeddingDim = {first.EmbeddingDim};");
        w.Line();
        DescribeEmitter.Emit(w, t, paired);
        w.Line();
        EmitModel(w, t, first, second);
        w.Line();
        MultimodalPipelineEmitter.Emit(w, t, first, second);
        w.Line();
        EmitTrainer(w, t, first, second, paired.BatchType);
        w.Line();
        FineTunerEmitter.Emit(w, t, first.Kind);
        if (second.Kind.IsText)
        {
            w.Line();
            EmitZeroShot(w, t, first, second);
        }
    }

    /// <summary>The paired batch: "PairedBatch&lt;ImageBatch, TokenBatch&gt;", described as both inputs.</summary>
    public static InputKind PairedKind(SideNames first, SideNames second) =>
        new($"PairedBatch<{first.Kind.BatchType}, {second.Kind.BatchType}>", "First", "batch", $"{first.Kind.Description} + {second.Kind.Description}");

    /// <summary>"the image encoder T.ImageEncoder() (64 features)".</summary>
    public static string EncoderText(TaskModel t, SideNames side) =>
        $"the {Naming.Camel(side.Name)} encoder {Factory(t, side)} ({side.Side.Encoder.OutputDim} features)";

    private static string Factory(TaskModel t, SideNames side) =>
        side.Side.Encoder.IsProperty ? $"{t.Type.Name}.{side.Side.Encoder.MemberName}" : $"{t.Type.Name}.{side.Side.Encoder.MemberName}()";

    private static void EmitModel(SourceWriter w, MultimodalTaskModel t, SideNames first, SideNames second)
    {
        var sides = new[] { first, second };
        w.Summary($"The network of multimodal task '{t.TaskName}': {EncoderText(t, first)} and {EncoderText(t, second)}, each with a linear projection into the shared {first.EmbeddingDim}-wide embedding, and the learned logit scale. forward() returns the {Naming.Camel(first.Name)} encoder's representation.");
        using (w.Open("public sealed partial class Model : nn.Module<Tensor, Tensor>, ITaskModel"))
        {
            foreach (var s in sides)
            {
                w.Line($"private readonly nn.Module<Tensor, Tensor> {s.EncoderField};");
            }

            foreach (var s in sides)
            {
                w.Line($"private readonly TorchSharp.Modules.Linear {s.ProjectionField};");
            }

            w.Line("private readonly LogitScale logitScale;");
            w.Line();
            w.Summary("Creates the model with the task's declared encoders.");
            w.Line($"public Model() : this({Factory(t, first)}, {Factory(t, second)})");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.SummaryXml($"Creates the model around <paramref name=\"{first.EncoderField}\"/> and <paramref name=\"{second.EncoderField}\"/> (imported weights).");
            foreach (var s in sides)
            {
                w.Line($"/// <param name=\"{s.EncoderField}\">{SourceWriter.Escape(EncoderContract(s))}</param>");
            }

            using (w.Open($"public Model(nn.Module<Tensor, Tensor> {first.EncoderField}, nn.Module<Tensor, Tensor> {second.EncoderField}) : base({SymbolDisplay.FormatLiteral(t.TaskName, quote: true)})"))
            {
                foreach (var s in sides)
                {
                    w.Line($"this.{s.EncoderField} = {s.EncoderField} ?? throw new ArgumentNullException(nameof({s.EncoderField}));");
                }

                foreach (var s in sides)
                {
                    w.Line($"{s.ProjectionField} = nn.Linear({s.Side.Encoder.OutputDim}, {s.EmbeddingDim}, hasBias: false);");
                }

                w.Line($"logitScale = new LogitScale(temperature: {t.Loss.Literal(ClipLoss.Temperature)});");
                w.Line("RegisterComponents();");
            }

            w.Line();
            w.Summary($"The {Naming.Camel(first.Name)} encoder f(x): the representation fine-tuning, probes and monitors read.");
            w.Line($"public nn.Module<Tensor, Tensor> Encoder => {first.EncoderField};");
            foreach (var s in sides)
            {
                w.Line();
                w.Summary($"The encoder of {s.Words}.");
                w.Line($"public nn.Module<Tensor, Tensor> {s.Name}Encoder => {s.EncoderField};");
            }

            foreach (var s in sides)
            {
                w.Line();
                w.Summary($"The linear projection (no bias) of {s.Words}'s representation into the shared embedding.");
                w.Line($"public TorchSharp.Modules.Linear {s.Name}Projection => {s.ProjectionField};");
            }

            w.Line();
            w.Summary("The learned logit scale 1 / temperature, at most 100.");
            w.Line("public LogitScale LogitScale => logitScale;");
            foreach (var s in sides)
            {
                w.Line();
                w.SummaryXml($"The embeddings [B, {s.EmbeddingDim}] of <paramref name=\"{s.Local}\"/> in the shared space (not normalized).");
                w.Line($"public Tensor Embed{s.Plural}({s.Kind.BatchType} {s.Local}) => {s.ProjectionField}.call({Representation(s)});");
            }

            w.Line();
            w.Summary($"The representation f(x) of a batch of {Naming.Camel(first.Plural)}.");
            w.Line($"public override Tensor forward(Tensor input) => {first.EncoderField}.call(input);");
        }
    }

    private static string EncoderContract(SideNames s) => s.Kind.IsText
        ? $"Maps token ids [B, L] to token states [B, L, {s.Side.Encoder.OutputDim}] (mean-pooled over real tokens)."
        : $"Maps a batch to [B, {s.Side.Encoder.OutputDim}].";

    private static string Representation(SideNames s) => s.Kind.IsText
        ? $"Backbones.MeanPool({s.EncoderField}.call({s.Local}.Ids), {s.Local}.AttentionMask)"
        : $"{s.EncoderField}.call({s.Local}.{s.Kind.Tensor})";

    private static void EmitTrainer(SourceWriter w, MultimodalTaskModel t, SideNames first, SideNames second, string batch)
    {
        string loss = Loss(t, first, second);
        w.Summary($"Pretrains multimodal task '{t.TaskName}' on pairs of {RecipeText.Input(first.Side.Input, first.Kind)} and {RecipeText.Input(second.Side.Input, second.Kind)}.", new[]
        {
            $"Pipeline: {MultimodalPipelineEmitter.Words(first)}; {MultimodalPipelineEmitter.Words(second)}.",
            $"Network: {EncoderText(t, first)} and {EncoderText(t, second)}, each projected to {first.EmbeddingDim} features.",
            $"Loss: {loss}.",
            $"Optimizer: {RecipeText.Optimization(t)}.",
            $"Step({batch}) runs one update; Fit(...) runs the epochs with metrics and checkpoints; Describe() lists every resolved value.",
        });
        using (w.Open($"public sealed partial class Trainer : PretextTrainer<{batch}, Model, Pipeline>"))
        {
            TrainerEmitter.EmitConstructors(w, t.Type.Name);
            w.Line();
            w.Summary($"The task's loss on one batch of pairs: {loss}.");
            using (w.Open($"public static LossTerms Objective(Model model, Pipeline pipeline, {batch} batch)"))
            {
                w.Line($"var {first.Local} = pipeline.Augment{first.Plural}(batch.First);");
                w.Line($"var {second.Local} = pipeline.Augment{second.Plural}(batch.Second);");
                w.Line($"var clip = Losses.Clip(model.Embed{first.Plural}({first.Local}), model.Embed{second.Plural}({second.Local}), model.LogitScale.Scale());");
                if (t.Loss.Get(ClipLoss.Weight) == 1.0)
                {
                    w.Line("return new LossTerms(clip, (\"clip\", clip));");
                }
                else
                {
                    w.Line($"var total = {t.Loss.Literal(ClipLoss.Weight)} * clip;");
                    w.Line("return new LossTerms(total, (\"clip\", total));");
                }
            }

            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line($"protected override LossTerms ComputeLoss({batch} batch) => Objective(Model, Pipeline, batch);");
            w.Line();
            w.Summary("Clamps the logit scale to at most 100 after every update, as CLIP does.");
            w.Line("protected override void AfterOptimizerStep(LossTerms loss) => Model.LogitScale.Clamp();");
            if (first.Kind.IsText)
            {
                w.Line();
                w.Summary("Token states [B,L,D] pool to one vector per sequence: the mean over real (non-padding) tokens.");
                w.Line($"protected override Tensor Pool(Tensor encoderOutput, {batch} batch) => Backbones.MeanPool(encoderOutput, batch.First.AttentionMask.to(encoderOutput.device));");
            }
        }
    }

    private static string Loss(MultimodalTaskModel t, SideNames first, SideNames second)
    {
        double weight = t.Loss.Get(ClipLoss.Weight);
        string scaled = weight == 1.0 ? "" : weight.ToString("G", CultureInfo.InvariantCulture) + " x ";
        return $"{scaled}{RecipeText.Written(t.Loss)}, the symmetric InfoNCE between the {Naming.Camel(first.Name)} and {Naming.Camel(second.Name)} embeddings of each pair, the rest of the batch as negatives, with a learned temperature";
    }

    private static void EmitZeroShot(SourceWriter w, MultimodalTaskModel t, SideNames first, SideNames text)
    {
        int maxLength = text.Side.Input.Get(TextInput.MaxLength);
        w.Summary($"Zero-shot classification with task '{t.TaskName}', as CLIP does: each class is the normalized mean of the text embeddings of its prompts (\"a photo of a {{name}}\"), and {Naming.Camel(first.Plural)} go to the most cosine-similar class. No labelled {Naming.Camel(first.Name)} is used.");
        using (w.Open("public static class ZeroShot"))
        {
            w.SummaryXml($"The classifier of <paramref name=\"classNames\"/>: every template of <paramref name=\"templates\"/> filled with each name, tokenized by <paramref name=\"tokenizer\"/> to {maxLength} tokens and embedded by <paramref name=\"model\"/>'s text side.");
            using (w.Open("public static ZeroShotClassifier Classifier(Model model, ByteLevelTokenizer tokenizer, IReadOnlyList<string> classNames, IReadOnlyList<string> templates)"))
            {
                w.Line("ArgumentNullException.ThrowIfNull(model);");
                w.Line("ArgumentNullException.ThrowIfNull(tokenizer);");
                w.Line($"return model.Evaluating(() => ZeroShotClassifier.FromPrompts(classNames, templates, prompts => model.Embed{text.Plural}(tokenizer.Batch(prompts, maxLength: {maxLength}).To(model.LogitScale.Device))));");
            }

            w.Line();
            w.SummaryXml($"The class of each of <paramref name=\"{first.Local}\"/> (long [B]), after the pipeline's deterministic preparation.");
            using (w.Open($"public static Tensor Predict(Model model, ZeroShotClassifier classifier, {first.Kind.BatchType} {first.Local})"))
            {
                w.Line("ArgumentNullException.ThrowIfNull(model);");
                w.Line("ArgumentNullException.ThrowIfNull(classifier);");
                w.Line($"return model.Evaluating(() => classifier.Predict(model.Embed{first.Plural}(new {first.Kind.BatchType}(Pipeline.Prepare({first.Local}.{first.Kind.Tensor}).to(model.LogitScale.Device)))));");
            }
        }
    }
}
