using System.Collections.Immutable;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>Turns a <see cref="ParsedTask"/> into the equatable <see cref="TaskModel"/> the emitters read.</summary>
internal static class TaskModelBuilder
{
    /// <summary>Builds the model; attributes that are absent take their catalog defaults.</summary>
    public static TaskModel Build(ParsedTask parsed)
    {
        AttributeModel Single(AttributeCategory category, string name) =>
            parsed.OfCategory(category).FirstOrDefault()?.Model ?? Defaults(name);

        var input = parsed.OfCategory(AttributeCategory.Input).FirstOrDefault()?.Model;
        var backbone = parsed.OfCategory(AttributeCategory.Backbone).FirstOrDefault()?.Model;
        var member = parsed.EncoderMembers.FirstOrDefault();
        EncoderModel? encoder = member is not null
            ? new EncoderModel(member.Name, member.IsProperty, member.Attribute.Model.Int("OutputDim"), null)
            : backbone is not null
                ? new EncoderModel(null, false, backbone.Int("OutputDim"), backbone)
                : null;
        var views = parsed.OfCategory(AttributeCategory.Views).FirstOrDefault()?.Model.Int("Count") ?? 1;

        return new TaskModel(
            parsed.TypeModel,
            parsed.TaskName,
            parsed.IsMultiTask,
            input,
            encoder,
            views,
            parsed.Attributes.Where(a => a.Spec.Category is AttributeCategory.Augmentation or AttributeCategory.Masking).Select(a => a.Model).ToEquatableArray(),
            parsed.OfCategory(AttributeCategory.Head).Select(a => a.Model).ToEquatableArray(),
            parsed.OfCategory(AttributeCategory.Objective).Select(a => a.Model).ToEquatableArray(),
            Single(AttributeCategory.Optimizer, "Optimizer"),
            Single(AttributeCategory.Schedule, "LearningRateSchedule"),
            Single(AttributeCategory.Training, "Training"),
            parsed.OfCategory(AttributeCategory.FineTune).FirstOrDefault()?.Model,
            parsed.Members
                .Where(m => m.FullyQualifiedName is not null)
                .Select(m => new MemberTaskModel(m.FullyQualifiedName!, m.TaskName ?? "", m.Attribute.Model.Literal("Weight"), m.Attribute.Model.Double("Weight"), m.Input ?? "", m.HasMomentum))
                .ToEquatableArray());
    }

    /// <summary>The attribute <paramref name="name"/> with every parameter at its default.</summary>
    public static AttributeModel Defaults(string name)
    {
        var spec = AttributeCatalog.All[name];
        return new AttributeModel(name, spec.Params.Select(TaskParser.DefaultValue).ToEquatableArray());
    }
}
