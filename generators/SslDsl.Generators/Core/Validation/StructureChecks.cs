using System.Linq;
using Microsoft.CodeAnalysis;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// The shape of a declaration: partial class (SSL001), not generic (SSL031), one encoder of the right form (SSL002 to
/// SSL004), one input (SSL005), an objective (SSL006), attributes that fit the input (SSL013)
/// and colour jitter on a single-channel image (SSL014).
/// </summary>
internal static class StructureChecks
{
    public static void Check(ValidationContext c)
    {
        var task = c.Task;
        if (!task.IsPartial)
        {
            c.Report(DiagnosticDescriptors.NotPartial, task.IdentifierLocation, c.Name, ValidationContext.List(task.NonPartialTypeNames.Select(n => $"'{n}'")));
        }

        CheckGeneric(c);
        CheckEncoder(c);
        if (task.IsMultiTask || task.IsMultimodal)
        {
            return;
        }

        if (c.Inputs.Count == 0)
        {
            if (c.TrustAbsence)
            {
                c.Report(DiagnosticDescriptors.InputCount, task.IdentifierLocation, c.Name, "declares no input");
            }
        }
        else
        {
            string all = ValidationContext.List(c.Inputs.Select(i => $"[{i.Spec.Name}]"));
            foreach (var extra in c.Inputs.Skip(1))
            {
                c.ReportRepairable(DiagnosticDescriptors.InputCount, extra.Location, new[] { Repair.RemoveAttribute($"Remove [{extra.Spec.Name}]", extra.Location) },
                    c.Name, $"declares {c.Inputs.Count} inputs ({all}); remove [{extra.Spec.Name}] or the others");
            }
        }

        if (c.Objectives.Count == 0 && c.TrustAbsence)
        {
            c.Report(DiagnosticDescriptors.NoObjective, task.IdentifierLocation, c.Name, ObjectiveSuggestion(c.Modality));
        }

        CheckModality(c);
        CheckColorOnGrayscale(c);
    }

    /// <summary>SSL031: the task class, or a type enclosing it, declares type parameters.</summary>
    private static void CheckGeneric(ValidationContext c)
    {
        var type = c.Task.Type;
        if (type.TypeParameters.Length > 0)
        {
            string parameters = "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";
            c.Report(DiagnosticDescriptors.GenericTask, c.Task.IdentifierLocation, type.Name + parameters, $"declares the type parameters {parameters}",
                "remove them (a static member can build the encoder for the one type it needs)");
            return;
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Length > 0)
            {
                string generic = outer.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                c.Report(DiagnosticDescriptors.GenericTask, c.Task.IdentifierLocation, type.Name, $"is nested in the generic type '{generic}'",
                    $"declare it outside '{generic}', in a namespace or a class that is not generic");
                return;
            }
        }
    }

    private static string ObjectiveSuggestion(Modality modality) => modality switch
    {
        Modality.Text => "add at least one, e.g. [MaskedTokenLoss] (with [MaskTokens]) or [NextTokenLoss]",
        Modality.Tabular => "add at least one, e.g. [NtXentLoss] (with [Views(2)] and [FeatureCorruption]) or [ReconstructionLoss]",
        Modality.Series => "add at least one, e.g. [NtXentLoss] (with [Views(2)]), [ReconstructionLoss] or [ForecastLoss]",
        _ => "add at least one, e.g. [NtXentLoss] (with [Views(2)]), [ReconstructionLoss] or [RotationPrediction]",
    };

    private static void CheckEncoder(ValidationContext c)
    {
        var task = c.Task;
        var backbones = task.OfCategory(AttributeCategory.Backbone).ToList();
        int count = task.EncoderMembers.Count + backbones.Count;
        if (task.IsMultimodal)
        {
            // One encoder per input: MultimodalChecks (SSL034, SSL035).
        }
        else if (count == 0)
        {
            if (c.TrustAbsence)
            {
                c.ReportRepairable(DiagnosticDescriptors.NoEncoder, task.IdentifierLocation, EncoderRepairs.Missing(c), c.Name);
            }
        }
        else if (count > 1)
        {
            var names = task.EncoderMembers.Select(m => $"'{m.Name}'").Concat(backbones.Select(_ => "[Backbone]")).ToArray();
            var encoders = task.EncoderMembers.Select(m => (m.Location, Removal: Repair.RemoveAttribute($"Remove [{Encoder.Name}] from '{m.Name}'", m.Attribute.Location)))
                .Concat(backbones.Select(b => (b.Location, Removal: Repair.RemoveAttribute($"Remove [{Backbone.Name}]", b.Location))))
                .ToArray();
            foreach (var (location, removal) in encoders.Skip(1))
            {
                c.ReportRepairable(DiagnosticDescriptors.MultipleEncoders, location, new[] { removal }, c.Name, count, ValidationContext.List(names));
            }
        }

        foreach (var member in task.EncoderMembers.Where(m => m.Problem is not null))
        {
            var repairs = member.Problem == EncoderMemberReader.NotStatic
                ? new[] { new Repair($"Make '{member.Name}' static", null, new[] { new RepairEdit(RepairKind.MakeStatic, member.Location) }) }
                : new Repair[0];
            c.ReportRepairable(DiagnosticDescriptors.InvalidEncoderMember, member.Location, repairs, member.Name, member.Problem);
        }
    }

    private static void CheckModality(ValidationContext c)
    {
        if (c.Modality == Modality.None)
        {
            return;
        }

        bool keepsAnObjective = c.Objectives.Any(o => (o.Spec.Modalities & c.Modality) != 0);
        foreach (var a in c.Steps.Concat(c.Objectives).Concat(c.Task.OfCategory(AttributeCategory.InputColumn)))
        {
            if ((a.Spec.Modalities & c.Modality) == 0)
            {
                // Removing the only objectives would leave none (SSL006): then there is no one repair.
                var repairs = a.Spec.Category != AttributeCategory.Objective || keepsAnObjective
                    ? new[] { Repair.RemoveAttribute($"Remove [{a.Spec.Name}]", a.Location) }
                    : new Repair[0];
                c.ReportRepairable(DiagnosticDescriptors.WrongModality, a.Location, repairs, a.Spec.Name, ValidationContext.Describe(a.Spec.Modalities), c.Name, c.Input!.Spec.Name, ValidationContext.Describe(c.Modality));
            }
        }

        var backbone = c.Find(Backbone);
        if (backbone is not null && backbone.IsKnown(Backbone.Kind))
        {
            string kind = backbone.Get(Backbone.Kind);
            var fits = BackboneModalities(kind);
            if ((fits & c.Modality) == 0)
            {
                string literal = $"{Backbone.Kind.EnumType}.{BackboneFor(c.Modality)}";
                var repair = Repair.Set($"Use {literal}", backbone.LocationOf(Backbone.Kind), Backbone.Kind, literal);
                c.ReportRepairable(DiagnosticDescriptors.WrongModality, backbone.LocationOf(Backbone.Kind), new[] { repair }, $"Backbone(BackboneKind.{kind})", ValidationContext.Describe(fits), c.Name, c.Input!.Spec.Name, ValidationContext.Describe(c.Modality));
            }
        }
    }

    /// <summary>The built-in backbone made for <paramref name="modality"/>'s input, or null for none or several modalities.</summary>
    public static string? BackboneFor(Modality modality) => modality switch
    {
        Modality.Image => "SmallCnn",
        Modality.Text => "TransformerEncoder",
        Modality.Tabular => "Mlp",
        Modality.Series => "Conv1d",
        _ => null,
    };

    /// <summary>The inputs a built-in backbone reads: CNNs and the ViT images, the transformer token ids, Conv1d and DilatedConv series; the MLP any flat float input.</summary>
    public static Modality BackboneModalities(string kind) => kind switch
    {
        "SmallCnn" or "ResNet" or VisionTransformerChecks.Kind => Modality.Image,
        "TransformerEncoder" => Modality.Text,
        "Conv1d" or SeriesChecks.DilatedConv => Modality.Series,
        "Mlp" => Modality.Image | Modality.Tabular | Modality.Series,
        _ => Modality.Any,
    };

    private static void CheckColorOnGrayscale(ValidationContext c)
    {
        var input = c.Input;
        if (input is null || !input.Is(ImageInput) || !input.IsKnown(ImageInput.Channels) || input.Get(ImageInput.Channels) != 1)
        {
            return;
        }

        foreach (var jitter in c.Steps.Where(s => s.Is(ColorJitter)))
        {
            foreach (var property in new[] { ColorJitter.Saturation, ColorJitter.Hue })
            {
                double v = jitter.Get(property);
                // A hue beyond 0.5 is out of range (SSL026), reported there only.
                if (jitter.IsKnown(property) && v > 0 && (property != ColorJitter.Hue || v <= 0.5))
                {
                    var repairs = new[]
                    {
                        Repair.RemoveArgument($"Remove {property.Name} from [{ColorJitter.Name}]", jitter.Location, property),
                        Repair.Set($"Declare {ImageInput.Channels.Name} = 3 on [{ImageInput.Name}]", input.Location, ImageInput.Channels, "3").As("DeclareColor"),
                    };
                    c.ReportRepairable(DiagnosticDescriptors.ColorOnGrayscale, jitter.LocationOf(property), repairs, property.Name, ValidationContext.Format(v));
                }
            }
        }
    }
}
