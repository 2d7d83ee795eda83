using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>Turns a <see cref="ParsedTask"/> the generator may emit for into the equatable <see cref="TaskModel"/> the emitters read.</summary>
internal static class TaskModelBuilder
{
    /// <summary>The model; attributes that are absent take their catalog defaults. Null when the task has no single encoder or input.</summary>
    public static TaskModel? Build(ParsedTask parsed)
    {
        if (parsed.IsMultimodal)
        {
            return MultimodalModelBuilder.Build(parsed, Declared(parsed, Optimizer), Declared(parsed, LearningRateSchedule), Declared(parsed, Training), parsed.Find(FineTune)?.Model);
        }

        var encoder = Encoder(parsed);
        if (encoder is null)
        {
            return null;
        }

        var optimizer = Declared(parsed, Optimizer);
        var schedule = Declared(parsed, LearningRateSchedule);
        var training = Declared(parsed, Training);
        var fineTune = parsed.Find(FineTune)?.Model;
        if (parsed.IsMultiTask)
        {
            var members = parsed.Members
                .Where(m => m.FullyQualifiedName is not null)
                .Select(m => new MemberTaskModel(m.FullyQualifiedName!, m.TaskName ?? "", m.Attribute.Model, m.Input ?? ImageInput.Defaults, m.HasMomentum, m.KeepsState))
                .ToEquatableArray();
            return new MultiTaskModel(parsed.TypeModel, parsed.TaskName, encoder, optimizer, schedule, training, fineTune, members);
        }

        var inputs = parsed.OfCategory(AttributeCategory.Input).ToArray();
        if (inputs.Length != 1)
        {
            return null;
        }

        var multiCrop = parsed.Find(MultiCrop)?.Model;
        var steps = parsed.Attributes.Where(a => a.Spec is StepSpec).Select(a => a.Model).ToEquatableArray();
        return new PretextTaskModel(
            parsed.TypeModel,
            parsed.TaskName,
            encoder,
            optimizer,
            schedule,
            training,
            fineTune,
            inputs[0].Model,
            multiCrop is not null ? MultiCropSpec.GlobalViews + multiCrop.Get(MultiCrop.LocalViews) : parsed.Find(Views)?.Model.Get(Views.Count) ?? 1,
            steps,
            parsed.OfCategory(AttributeCategory.Head).Select(a => a.Model).ToEquatableArray(),
            parsed.OfCategory(AttributeCategory.Objective).Select(a => WithTaskDefaults(a.Model, steps)).ToEquatableArray())
        {
            MultiCrop = multiCrop,
            Columns = inputs[0].Spec == TabularInput
                ? TabularLayout.Of(inputs[0].Model.Get(TabularInput.Features), parsed.OfCategory(AttributeCategory.InputColumn).Select(a => a.Model), out _)
                : null,
        };
    }

    /// <summary>
    /// Defaults that depend on the rest of the task: an unset ReconstructionLoss.NormalizeTargets is true when the
    /// task masks patches (MAE reconstructs normalized pixels by default) and false otherwise (a denoising or
    /// inpainting target has no patches to normalize).
    /// </summary>
    private static AttributeModel WithTaskDefaults(AttributeModel objective, EquatableArray<AttributeModel> steps) =>
        objective.Is(ReconstructionLoss) && !objective.IsExplicit(ReconstructionLoss.NormalizeTargets) && steps.Any(s => s.Is(PatchMask))
            ? objective.With(ReconstructionLoss.NormalizeTargets, ArgValue.OfBool(true, isExplicit: false))
            : objective;

    private static EncoderModel? Encoder(ParsedTask parsed)
    {
        if (parsed.EncoderMembers.FirstOrDefault() is { } member)
        {
            return new EncoderModel(member.Name, member.IsProperty, member.Attribute.Model.Get(AttributeCatalog.Encoder.OutputDim), null);
        }

        return parsed.Find(Backbone)?.Model is { } backbone ? new EncoderModel(null, false, backbone.Get(Backbone.OutputDim), backbone) : null;
    }

    private static AttributeModel Declared(ParsedTask parsed, AttributeSpec spec) => parsed.Find(spec)?.Model ?? spec.Defaults;
}
