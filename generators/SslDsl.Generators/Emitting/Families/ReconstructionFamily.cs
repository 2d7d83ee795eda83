using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SslDsl.Generators;

/// <summary>
/// Reconstruction objectives: denoising autoencoders, MAE-style masked image modelling (masked
/// pixels zeroed, SimMIM-like, since a generic encoder cannot drop patches), context-encoder
/// inpainting with an optional adversarial term, and tabular / series reconstruction. The
/// pipeline splits into Target (augmentations that define what is reconstructed) and Corrupt
/// (noise, erasing and masking applied to the encoder's input).
/// </summary>
internal sealed class ReconstructionFamily : IObjectiveFamily
{
    /// <summary>Steps that corrupt the input rather than define the target.</summary>
    public static readonly HashSet<string> Corruptions = new() { "GaussianNoise", "RandomErasing", "Jitter", "TimeMask", "FeatureCorruption" };

    public bool Owns(string objectiveName) => objectiveName is "ReconstructionLoss" or "AdversarialLoss";

    public void Plan(TaskPlan plan)
    {
        var task = plan.Task;
        var objective = task.Objective("ReconstructionLoss");
        if (objective is null)
        {
            return;
        }

        string name = task.Type.Name;
        var input = task.Input;
        var decoder = task.Head("Decoder") ?? TaskModelBuilder.Defaults("Decoder");
        string inputName = input?.Name ?? "ImageInput";
        string decoderType;
        string decoderInit;
        string reshape = "";
        switch (inputName)
        {
            case "TabularInput":
                decoderType = "VectorDecoder";
                decoderInit = $"new VectorDecoder({name}.EncoderOutputDim, outputDim: {input!.Literal("Features")}, hidden: {decoder.Literal("Hidden")}, layers: {decoder.Literal("Layers")})";
                break;
            case "TimeSeriesInput":
                decoderType = "VectorDecoder";
                decoderInit = $"new VectorDecoder({name}.EncoderOutputDim, outputDim: {input!.Int("Channels") * input.Int("Length")}, hidden: {decoder.Literal("Hidden")}, layers: {decoder.Literal("Layers")})";
                reshape = $".view(-1, {input.Literal("Channels")}, {input.Literal("Length")})";
                break;
            default:
                decoderType = "ImageDecoder";
                decoderInit = $"new ImageDecoder({name}.EncoderOutputDim, channels: {input?.Literal("Channels") ?? "1"}, height: {input?.Literal("Height") ?? "28"}, width: {input?.Literal("Width") ?? "28"}, hidden: {decoder.Literal("Hidden")}, layers: {decoder.Literal("Layers")})";
                break;
        }

        plan.AddMember(new ModelMember("decoder", "Decoder", decoderType, decoderInit, "The decoder that reconstructs the input from the representation."));
        plan.PipelineCode.Add(TargetMethod(plan));
        plan.PipelineCode.Add(CorruptMethod(plan));

        var mask = task.Steps.FirstOrDefault(s => AttributeCatalog.All[s.Name].Category == AttributeCategory.Masking);
        string patchSize = mask?.Name == "PatchMask" ? mask.Literal("PatchSize") : "0";
        bool maskedOnly = objective.Bool("MaskedOnly");
        var lines = plan.LossLines;
        lines.Add($"var target = pipeline.Target(batch.{plan.Input.Tensor});");
        lines.Add("var corrupted = pipeline.Corrupt(target);");
        lines.Add($"var reconstruction = model.Decoder.forward(model.Encoder.forward(corrupted.Input)){reshape};");
        string maskArgument = maskedOnly ? "corrupted.Mask" : "null";
        lines.Add($"var reconstructionLoss = Losses.Reconstruction(reconstruction, target, mask: {maskArgument}, normalizeTargets: {objective.Literal("NormalizeTargets")}, patchSize: {patchSize});");
        plan.Terms.Add(new LossTerm("reconstruction", "reconstructionLoss", objective.Literal("Weight"), objective.Double("Weight")));

        if (task.Objective("AdversarialLoss") is { } adversarial && inputName == "ImageInput")
        {
            PlanAdversarial(plan, adversarial);
        }
    }

    private static void PlanAdversarial(TaskPlan plan, AttributeModel adversarial)
    {
        var input = plan.Task.Input!;
        plan.AddMember(new ModelMember(
            "discriminator",
            "Discriminator",
            "Discriminator",
            $"new Discriminator(channels: {input.Literal("Channels")}, height: {input.Literal("Height")}, width: {input.Literal("Width")})",
            "The discriminator D of the adversarial term; trained by its own optimizer, alternating with the encoder and decoder."));

        // Context encoders: the generator's output fills the hidden region; D judges the filled image.
        plan.LossLines.Add("var filled = target * (1 - corrupted.Mask) + reconstruction * corrupted.Mask;");
        plan.LossLines.Add("var adversarial = Losses.AdversarialGenerator(model.Discriminator.forward(filled));");
        plan.Terms.Add(new LossTerm("adversarial", "adversarial", adversarial.Literal("Weight"), adversarial.Double("Weight")));
        plan.OutputLines.Add(".With(\"real\", target).With(\"fake\", filled.detach())");

        plan.TrainerCode.Add("""
            private TrainingOptimizer? discriminatorOptimizer;

            /// <summary>The discriminator's optimizer (the declared optimizer over D's parameters alone).</summary>
            public TrainingOptimizer DiscriminatorOptimizer =>
                discriminatorOptimizer ??= new TrainingOptimizer(Settings.Optimizer, Model.Discriminator.parameters());

            /// <summary>Encoder and decoder train on the total loss; the discriminator has its own optimizer.</summary>
            protected override System.Collections.Generic.IReadOnlyList<ParameterGroup> ParameterGroups() => new[]
            {
                new ParameterGroup(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(
                    System.Linq.Enumerable.Where(Model.named_parameters(), p => p.parameter.requires_grad && !p.name.StartsWith("discriminator.", StringComparison.Ordinal)),
                    p => p.parameter))),
            };
            """);
        plan.AfterStepInstanceLines.Add("// Alternate: one discriminator update on the real and the (detached) filled images.");
        plan.AfterStepInstanceLines.Add("DiscriminatorOptimizer.ZeroGrad();");
        plan.AfterStepInstanceLines.Add("var discriminatorLoss = Losses.AdversarialDiscriminator(Model.Discriminator.forward(loss.Outputs[\"real\"]), Model.Discriminator.forward(loss.Outputs[\"fake\"]));");
        plan.AfterStepInstanceLines.Add("discriminatorLoss.backward();");
        plan.AfterStepInstanceLines.Add("DiscriminatorOptimizer.Step();");
        plan.SaveStateLines.Add("DiscriminatorOptimizer.Save(writer);");
        plan.LoadStateLines.Add("DiscriminatorOptimizer.Load(reader);");
    }

    private static string TargetMethod(TaskPlan plan)
    {
        string p = plan.Input.Parameter;
        var sb = new StringBuilder();
        sb.Append("/// <summary>What the decoder reconstructs: the batch after the augmentations that are not corruptions.</summary>\n");
        sb.Append($"public Tensor Target(Tensor {p})\n{{\n");
        sb.Append($"    var target = {p}.to(Device);\n");
        foreach (var step in PipelineEmitter.StepsOfView(plan.Task, 0).Where(s => !Corruptions.Contains(s.Name)))
        {
            sb.Append($"    target = {PipelineEmitter.Call(step, "target")};\n");
        }

        sb.Append("    return target;\n}");
        return sb.ToString();
    }

    private static string CorruptMethod(TaskPlan plan)
    {
        var sb = new StringBuilder();
        sb.Append("/// <summary>The encoder's input: noise, erasing and masking applied to the target; Mask is 1 where the input was hidden.</summary>\n");
        sb.Append("public MaskResult Corrupt(Tensor target)\n{\n");
        sb.Append("    var corrupted = target;\n");
        foreach (var step in PipelineEmitter.StepsOfView(plan.Task, 0).Where(s => Corruptions.Contains(s.Name)))
        {
            sb.Append($"    corrupted = {PipelineEmitter.Call(step, "corrupted")};\n");
        }

        var mask = plan.Task.Steps.FirstOrDefault(s => AttributeCatalog.All[s.Name].Category == AttributeCategory.Masking && s.Name is "PatchMask" or "BlockMask");
        if (mask is not null)
        {
            sb.Append($"    return {PipelineEmitter.Call(mask, "corrupted")};\n}}");
        }
        else
        {
            sb.Append("    return new MaskResult(corrupted, torch.ones_like(corrupted));\n}");
        }

        return sb.ToString();
    }
}
