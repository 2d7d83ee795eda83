using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Reconstruction objectives: denoising autoencoders, masked image modelling (on a ViT backbone true MAE, see
/// <see cref="MaskedAutoencoderPlan"/>; on any other encoder hidden patches show a learned mask token, SimMIM-like,
/// since a convolutional encoder cannot drop patches), context-encoder
/// inpainting with an optional adversarial term, tabular / series reconstruction, and VIME's mask estimation and
/// feature reconstruction (<see cref="VimePlan"/>). The pipeline splits
/// into Target (the steps that define what is reconstructed) and Corrupt (the steps that corrupt the
/// encoder's input, see <see cref="StepSpec.Corrupts"/>).
/// </summary>
internal sealed class ReconstructionFamily : IObjectiveFamily
{
    public void Plan(TaskPlan plan, IReadOnlyList<AttributeModel> objectives)
    {
        var task = plan.Task;
        if (objectives.FirstOrDefault(o => o.Is(VimeLoss)) is { } vime)
        {
            VimePlan.Plan(plan, vime);
        }

        var objective = objectives.FirstOrDefault(o => o.Is(ReconstructionLoss));
        if (objective is null)
        {
            return;
        }

        if (EncoderFactory.TrainsAsMae(task))
        {
            MaskedAutoencoderPlan.Plan(plan, objective);
            return;
        }

        var input = task.Input;
        string name = task.Type.Name;
        string decoder = CommonMembers.DecoderArguments(task);
        var (type, initializer, reshape) = input.Spec switch
        {
            TabularInputSpec => ("VectorDecoder", $"new VectorDecoder({name}.EncoderOutputDim, outputDim: {input.Literal(TabularInput.Features)}, {decoder})", ""),
            TimeSeriesInputSpec => (
                "VectorDecoder",
                $"new VectorDecoder({name}.EncoderOutputDim, outputDim: {input.Get(TimeSeriesInput.Channels) * input.Get(TimeSeriesInput.Length)}, {decoder})",
                $".view(-1, {input.Literal(TimeSeriesInput.Channels)}, {input.Literal(TimeSeriesInput.Length)})"),
            _ => ("ImageDecoder", $"new ImageDecoder({name}.EncoderOutputDim, channels: {input.Literal(ImageInput.Channels)}, height: {input.Literal(ImageInput.Height)}, width: {input.Literal(ImageInput.Width)}, {decoder})", ""),
        };
        plan.Model.Add(new ModelMember("decoder", "Decoder", type, initializer, "The decoder that reconstructs the input from the representation."));

        var steps = StepCalls.OfView(task, 0).ToList();
        var mask = task.Steps.FirstOrDefault(s => s.Is(PatchMask) || s.Is(BlockMask));
        plan.Pipeline.Parts.Add(new TargetAndCorrupt(
            plan.Input.Parameter,
            steps.Where(s => !((StepSpec)s.Spec).Corrupts).ToEquatableArray(),
            steps.Where(s => ((StepSpec)s.Spec).Corrupts).ToEquatableArray(),
            mask));

        var o = plan.Objective;
        string target = o.Local("target", $"pipeline.Target(batch.{plan.Input.Tensor})");
        string corrupted = o.Local("corrupted", $"pipeline.Corrupt({target})");
        string encoderInput = $"{corrupted}.Input";
        if (mask?.Is(PatchMask) == true)
        {
            // SimMIM: hidden patches show a learned token, not the 0 of an empty background patch.
            plan.Model.Add(new ModelMember("maskToken", "MaskToken", "MaskToken",
                $"new MaskToken(channels: {input.Literal(ImageInput.Channels)}, patchSize: {mask.Literal(PatchMask.PatchSize)})",
                "The learned patch that hidden pixels show the encoder, so a hidden patch differs from an empty one."));
            encoderInput = o.Local("masked", $"model.MaskToken.call({corrupted}.Input, {corrupted}.Mask)");
        }

        string reconstruction = o.Local("reconstruction", $"model.Decoder.call(model.Encoder.call({encoderInput})){reshape}");
        string maskArgument = objective.Get(ReconstructionLoss.MaskedOnly) ? $"{corrupted}.Mask" : "null";
        string patchSize = mask?.Is(PatchMask) == true ? mask.Literal(PatchMask.PatchSize) : "0";
        o.Term(objective, o.Local("reconstructionLoss", $"Losses.Reconstruction({reconstruction}, {target}, mask: {maskArgument}, normalizeTargets: {objective.Literal(ReconstructionLoss.NormalizeTargets)}, patchSize: {patchSize})"), "reconstruction");

        if (objectives.FirstOrDefault(x => x.Is(AdversarialLoss)) is { } adversarial)
        {
            PlanAdversarial(plan, adversarial, target, corrupted, reconstruction);
        }
    }

    /// <summary>Context encoders: the decoder's output fills the hidden region, and a discriminator judges the filled image.</summary>
    private static void PlanAdversarial(TaskPlan plan, AttributeModel adversarial, string target, string corrupted, string reconstruction)
    {
        var input = plan.Task.Input;
        plan.Model.Add(new ModelMember(
            "discriminator",
            "Discriminator",
            "Discriminator",
            $"new Discriminator(channels: {input.Literal(ImageInput.Channels)}, height: {input.Literal(ImageInput.Height)}, width: {input.Literal(ImageInput.Width)})",
            "The discriminator D of the adversarial term; trained by its own optimizer, alternating with the encoder and decoder."));

        var o = plan.Objective;
        string filled = o.Local("filled", $"{target} * (1 - {corrupted}.Mask) + {reconstruction} * {corrupted}.Mask");
        o.Term(adversarial, o.Local("adversarial", $"Losses.AdversarialGenerator(model.Discriminator.call({filled}))"));
        o.Output("real", target);
        o.Output("fake", $"{filled}.detach()");

        plan.Trainer.Optimizers.Add(new AuxiliaryOptimizer(
            "discriminatorOptimizer",
            "DiscriminatorOptimizer",
            "Discriminator",
            "discriminator.",
            "The discriminator's optimizer (the declared optimizer over D's parameters alone)."));
        plan.Trainer.AfterStepWithTrainer.Add("// Alternate: one discriminator update on the real and the (detached) filled images.");
        plan.Trainer.AfterStepWithTrainer.Add("DiscriminatorOptimizer.ZeroGrad();");
        plan.Trainer.AfterStepWithTrainer.Add("var discriminatorLoss = Losses.AdversarialDiscriminator(Model.Discriminator.call(loss.Outputs[\"real\"]), Model.Discriminator.call(loss.Outputs[\"fake\"]));");
        plan.Trainer.AfterStepWithTrainer.Add("discriminatorLoss.backward();");
        plan.Trainer.AfterStepWithTrainer.Add("DiscriminatorOptimizer.Step();");
    }

    /// <summary>
    /// Pipeline.Target (the batch after the steps that define the target) and Pipeline.Corrupt (the corruptions
    /// and the mask applied to the target; its Mask is 1 where the input was hidden).
    /// </summary>
    internal sealed record TargetAndCorrupt(string Parameter, EquatableArray<AttributeModel> TargetSteps, EquatableArray<AttributeModel> Corruptions, AttributeModel? Mask) : IPipelinePart
    {
        public void Write(SourceWriter w)
        {
            w.Summary("What the decoder reconstructs: the batch after the augmentations that are not corruptions.");
            using (w.Open($"public Tensor Target(Tensor {Parameter})"))
            {
                w.Line($"return {StepCalls.Chain(w, "target", $"{Parameter}.to(Device)", TargetSteps)};");
            }

            w.Line();
            w.Summary("The encoder's input: noise, erasing and masking applied to the target; Mask is 1 where the input was hidden.");
            using (w.Open("public MaskResult Corrupt(Tensor target)"))
            {
                string corrupted = StepCalls.Chain(w, "corrupted", "target", Corruptions);
                w.Line(Mask is not null
                    ? $"return {StepCalls.Call(Mask, corrupted)};"
                    : $"return new MaskResult({corrupted}, torch.ones_like({corrupted}));");
            }
        }
    }
}
