using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// True MAE on a ViT backbone (He et al. 2021): the pipeline draws a random order of every image's patches and keeps
/// the first ⌊N·(1 - Ratio)⌋ visible; the encoder embeds and transforms only those (<c>VisionTransformer.EncodeVisible</c>);
/// a light <c>MaeDecoder</c> (the [Decoder]'s width and layers, the ViT's heads) fills the hidden places with a mask
/// token, unshuffles, and predicts every patch's pixels; the loss compares them with the (per-patch normalized) target
/// patches, on the hidden patches only with MaskedOnly.
/// </summary>
internal static class MaskedAutoencoderPlan
{
    public static void Plan(TaskPlan plan, AttributeModel objective)
    {
        var task = plan.Task;
        var input = task.Input;
        var backbone = task.Encoder.Backbone!;
        var mask = task.Steps.First(s => s.Is(PatchMask));
        var decoder = task.Head(Decoder) ?? Decoder.Defaults;
        int patch = backbone.Get(Backbone.PatchSize);
        int rows = input.Get(ImageInput.Height) / patch;
        int columns = input.Get(ImageInput.Width) / patch;
        int patchValues = patch * patch * input.Get(ImageInput.Channels);
        plan.Model.Add(new ModelMember("decoder", "Decoder", "MaeDecoder",
            $"new MaeDecoder(encoderWidth: {backbone.Literal(Backbone.Width)}, rows: {rows}, columns: {columns}, patchValues: {patchValues}, hidden: {decoder.Literal(Decoder.Hidden)}, layers: {decoder.Literal(Decoder.Layers)}, heads: {backbone.Literal(Backbone.Heads)})",
            "MAE's light decoder: a mask token in every hidden place, then every patch's pixels from the visible patches' states."));

        var steps = StepCalls.OfView(task, 0).ToList();
        var corruptions = steps.Where(s => ((StepSpec)s.Spec).Corrupts && !s.Is(PatchMask)).ToEquatableArray();
        plan.Pipeline.Parts.Add(new TargetAndShuffle(
            plan.Input.Parameter,
            steps.Where(s => !((StepSpec)s.Spec).Corrupts).ToEquatableArray(),
            corruptions,
            rows * columns,
            mask));

        var o = plan.Objective;
        string target = o.Local("target", $"pipeline.Target(batch.{plan.Input.Tensor})");
        string shuffle = o.Local("shuffle", $"pipeline.Shuffle({target}.shape[0])");
        string encoderInput = corruptions.Count > 0 ? $"pipeline.Corrupt({target})" : target;
        string latent = o.Local("latent", $"VisionTransformer.Of(model.Encoder).EncodeVisible({encoderInput}, {shuffle}.Keep)");
        string reconstruction = o.Local("reconstruction", $"model.Decoder.call({latent}, {shuffle}.Restore)");
        string patches = o.Local("targetPatches", $"ImagePatches.Patchify({target}, patchSize: {backbone.Literal(Backbone.PatchSize)})");
        string maskArgument = objective.Get(ReconstructionLoss.MaskedOnly) ? $"{shuffle}.Mask.unsqueeze(-1)" : "null";
        o.Term(objective, o.Local("reconstructionLoss", $"Losses.Reconstruction({reconstruction}, {patches}, mask: {maskArgument}, normalizeTargets: {objective.Literal(ReconstructionLoss.NormalizeTargets)}, patchSize: 0)"), "reconstruction");
    }

    /// <summary>
    /// Pipeline.Target (the batch after the steps that define the target), Pipeline.Corrupt when other corruptions
    /// are declared (noise, erasing: applied to the whole image before the patches are dropped) and Pipeline.Shuffle
    /// (MAE's random masking of the patch sequence).
    /// </summary>
    private sealed record TargetAndShuffle(string Parameter, EquatableArray<AttributeModel> TargetSteps, EquatableArray<AttributeModel> Corruptions, int Patches, AttributeModel Mask) : IPipelinePart
    {
        public void Write(SourceWriter w)
        {
            w.Summary("What the decoder reconstructs: the batch after the augmentations that are not corruptions.");
            using (w.Open($"public Tensor Target(Tensor {Parameter})"))
            {
                w.Line($"return {StepCalls.Chain(w, "target", $"{Parameter}.to(Device)", TargetSteps)};");
            }

            if (Corruptions.Count > 0)
            {
                w.Line();
                w.Summary("The encoder's input before its hidden patches are dropped: the declared corruptions applied to the target.");
                using (w.Open("public Tensor Corrupt(Tensor target)"))
                {
                    w.Line($"return {StepCalls.Chain(w, "corrupted", "target", Corruptions)};");
                }
            }

            double ratio = Mask.Get(PatchMask.Ratio);
            w.Line();
            w.Summary($"MAE's random masking: a random order of each image's {Patches} patches; the first {(int)(Patches * (1 - ratio))} stay visible, the rest are hidden.");
            using (w.Open("public PatchShuffle Shuffle(long batchSize)"))
            {
                w.Line($"return PatchShuffle.Random(batchSize, patches: {Patches}, ratio: {Mask.Literal(PatchMask.Ratio)}, generator: generator, device: Device);");
            }
        }
    }
}
