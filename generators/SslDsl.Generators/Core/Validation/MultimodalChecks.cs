using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// A multimodal task ([ClipLoss]): two inputs (SSL038), each read by one encoder that names it (SSL034, SSL035),
/// augmentations on the encoder of the input they fit (SSL036), projections of one width (SSL033), nothing on the
/// class that belongs to an encoder or to a single-input task (SSL038); in a single-input task, what only a
/// multimodal task takes (SSL035, SSL038). The temperature's range (SSL037) is the catalog's (<see cref="RangeChecks"/>).
/// </summary>
internal static class MultimodalChecks
{
    /// <summary>Checks a multimodal task.</summary>
    public static void Check(ValidationContext c)
    {
        var inputs = c.Inputs;
        CheckInputCount(c);
        CheckClassAttributes(c);
        CheckStrayMemberAttributes(c);
        var declared = inputs.Select(i => MultimodalModelBuilder.ModalityMember(i.Spec)).ToList();
        var unread = inputs.Where(i => !c.Task.EncoderMembers.Any(m => m.Input == MultimodalModelBuilder.ModalityMember(i.Spec))).ToList();
        CheckEncoderInputs(c, declared, unread);
        foreach (var input in unread)
        {
            if (c.TrustAbsence)
            {
                c.Report(DiagnosticDescriptors.InputWithoutEncoder, input.Location, c.Name, input.Spec.Name, MultimodalModelBuilder.ModalityMember(input.Spec));
            }
        }

        var sides = inputs.OrderBy(i => MultimodalModelBuilder.SideOrder(i.Spec))
            .Select(i => (Input: i, Encoder: c.Task.EncoderMembers.FirstOrDefault(m => m.Input == MultimodalModelBuilder.ModalityMember(i.Spec))))
            .Where(s => s.Encoder is not null)
            .ToList();
        foreach (var (input, encoder) in sides)
        {
            CheckSteps(c, input, encoder!, sides.Where(s => s.Encoder != encoder).Select(s => s.Encoder!).ToList());
            if (input.Is(TextInput))
            {
                TextChecks.Check(c, encoder!.Steps, input);
            }
        }

        if (sides.Count == 2)
        {
            CheckProjections(c, sides[0].Input, sides[0].Encoder!, sides[1].Input, sides[1].Encoder!);
        }
    }

    /// <summary>Checks what only a multimodal task takes, in a task with one input: projections and augmentations on the encoder, an encoder's Input.</summary>
    public static void CheckSingleInput(ValidationContext c)
    {
        CheckStrayMemberAttributes(c);
        foreach (var member in c.Task.EncoderMembers)
        {
            foreach (var a in member.Steps.Concat(member.Projection is null ? Enumerable.Empty<ParsedAttribute>() : new[] { member.Projection }))
            {
                bool isStep = a.Spec is StepSpec;
                c.ReportRepairable(DiagnosticDescriptors.MultimodalMisplaced, a.Location, new[] { Repair.RemoveAttribute($"Remove [{a.Spec.Name}]", a.Location) },
                    $"[{a.Spec.Name}] on '{member.Name}'",
                    $"stands on the encoder, but task '{c.Name}' has one input: only the encoders of a multimodal task ([ClipLoss]) take {(isStep ? "augmentations" : "projections")}",
                    isStep ? "put it on the class" : "use [ProjectionHead] on the class, or remove it");
            }

            if (member.Input is { } named && c.Input is { } input && named != MultimodalModelBuilder.ModalityMember(input.Spec))
            {
                c.ReportRepairable(DiagnosticDescriptors.EncoderInputInvalid, member.Attribute.LocationOf(Encoder.Input),
                    new[] { Repair.RemoveArgument($"Remove {Encoder.Input.Name}", member.Attribute.Location, Encoder.Input) },
                    member.Name, $"reads Modality.{named}, but task '{c.Name}' declares [{input.Spec.Name}]", "remove Input (a task with one input needs none) or name its input");
            }
        }
    }

    private static void CheckInputCount(ValidationContext c)
    {
        var inputs = c.Inputs;
        if (inputs.Count == 0)
        {
            if (c.TrustAbsence)
            {
                c.Report(DiagnosticDescriptors.InputCount, c.Task.IdentifierLocation, c.Name, "declares no input");
            }

            return;
        }

        var loss = c.Find(ClipLoss)!;
        if (inputs.Count == 1)
        {
            c.Report(DiagnosticDescriptors.MultimodalMisplaced, loss.Location, "[ClipLoss]",
                $"contrasts two inputs, but task '{c.Name}' declares one ([{inputs[0].Spec.Name}])",
                "declare the second input (e.g. [TextInput]) with its encoder, or use a single-input objective");
            return;
        }

        string all = ValidationContext.List(inputs.Select(i => $"[{i.Spec.Name}]"));
        foreach (var extra in inputs.Skip(2))
        {
            c.ReportRepairable(DiagnosticDescriptors.MultimodalMisplaced, extra.Location, new[] { Repair.RemoveAttribute($"Remove [{extra.Spec.Name}]", extra.Location) },
                $"[{extra.Spec.Name}]", $"is a third input of task '{c.Name}' ({all}), but [ClipLoss] contrasts two", "remove it or one of the others");
        }
    }

    /// <summary>SSL038: what a multimodal task does not take on its class.</summary>
    private static void CheckClassAttributes(ValidationContext c)
    {
        foreach (var a in c.Task.Attributes)
        {
            string? why = a.Spec switch
            {
                StepSpec => "augments one input, so in a multimodal task it stands on the [Encoder] member of that input",
                _ when a.Spec.Category is AttributeCategory.Objective && !a.Is(ClipLoss) => "is a single-input objective; a multimodal task has one objective, [ClipLoss]",
                _ when a.Spec.Category is AttributeCategory.Head or AttributeCategory.Backbone or AttributeCategory.Views or AttributeCategory.InputColumn =>
                    "belongs to a single-input task; in a multimodal task each input has an [Encoder] member with its [Projection]",
                _ when a.Is(MultiCrop) => "belongs to a single-input task; in a multimodal task each input has an [Encoder] member with its [Projection]",
                _ => null,
            };
            if (why is not null)
            {
                string what = a.Spec is StepSpec ? "move it to that member" : "remove it";
                c.ReportRepairable(DiagnosticDescriptors.MultimodalMisplaced, a.Location, StepMove(c, a), $"[{a.Spec.Name}] on multimodal task '{c.Name}'", why, what);
            }
        }
    }

    /// <summary>The repairs of a class-level attribute of a multimodal task: a step moves to the encoder of the input it fits; anything else is removed.</summary>
    private static IEnumerable<Repair> StepMove(ValidationContext c, ParsedAttribute a)
    {
        var remove = Repair.RemoveAttribute($"Remove [{a.Spec.Name}]", a.Location);
        var target = a.Spec is StepSpec ? c.Task.EncoderMembers.Where(m => Fits(a, m)).ToList() : new List<ParsedEncoderMember>();
        return target.Count == 1 ? new[] { Move(a, target[0]) } : new[] { remove };
    }

    private static void CheckStrayMemberAttributes(ValidationContext c)
    {
        foreach (var (member, a) in c.Task.StrayMemberAttributes)
        {
            c.ReportRepairable(DiagnosticDescriptors.MultimodalMisplaced, a.Location, new[] { Repair.RemoveAttribute($"Remove [{a.Spec.Name}]", a.Location) },
                $"[{a.Spec.Name}] on '{member}'", "stands on a member that is not an [Encoder]", "put it on the [Encoder] member of its input, or remove it");
        }
    }

    /// <summary>SSL035: each encoder names a declared input, and no input twice.</summary>
    private static void CheckEncoderInputs(ValidationContext c, List<string> declared, List<ParsedAttribute> unread)
    {
        var claimed = new Dictionary<string, string>();
        foreach (var member in c.Task.EncoderMembers)
        {
            if (!member.Attribute.IsKnown(Encoder.Input))
            {
                continue;
            }

            var repairs = unread.Count == 1
                ? new[] { Repair.Set($"Set {Encoder.Input.Name} = Modality.{MultimodalModelBuilder.ModalityMember(unread[0].Spec)}", member.Attribute.Location, Encoder.Input, "Modality." + MultimodalModelBuilder.ModalityMember(unread[0].Spec)) }
                : new Repair[0];
            string fix = unread.Count == 1 ? $"set Input = Modality.{MultimodalModelBuilder.ModalityMember(unread[0].Spec)}" : $"set Input to one of {ValidationContext.List(declared.Select(d => "Modality." + d))}";
            if (member.Input is not { } named)
            {
                c.ReportRepairable(DiagnosticDescriptors.EncoderInputInvalid, member.Attribute.Location, repairs, member.Name,
                    $"does not say which input it reads, but task '{c.Name}' has two", fix);
            }
            else if (!declared.Contains(named))
            {
                c.ReportRepairable(DiagnosticDescriptors.EncoderInputInvalid, member.Attribute.LocationOf(Encoder.Input), repairs, member.Name,
                    $"reads Modality.{named}, but task '{c.Name}' declares no such input", fix);
            }
            else if (claimed.TryGetValue(named, out var first))
            {
                c.ReportRepairable(DiagnosticDescriptors.EncoderInputInvalid, member.Attribute.LocationOf(Encoder.Input), repairs, member.Name,
                    $"reads Modality.{named}, which '{first}' reads already: each input has one encoder", fix);
            }
            else
            {
                claimed[named] = member.Name;
            }
        }
    }

    /// <summary>SSL036: an augmentation on the encoder of an input it does not fit.</summary>
    private static void CheckSteps(ValidationContext c, ParsedAttribute input, ParsedEncoderMember encoder, List<ParsedEncoderMember> others)
    {
        foreach (var step in encoder.Steps)
        {
            if ((step.Spec.Modalities & input.Spec.Modalities) != 0)
            {
                if (step.Spec.Category == AttributeCategory.Masking && !step.Is(MaskTokens) && !step.Is(SpanMask))
                {
                    c.ReportRepairable(DiagnosticDescriptors.MultimodalMisplaced, step.Location, new[] { Repair.RemoveAttribute($"Remove [{step.Spec.Name}]", step.Location) },
                        $"[{step.Spec.Name}] on '{encoder.Name}'", "hides parts of the input for a reconstruction objective, which a multimodal task does not have", "remove it, or augment with RandomErasing");
                }

                continue;
            }

            var target = others.FirstOrDefault(o => Fits(step, o));
            var remove = Repair.RemoveAttribute($"Remove [{step.Spec.Name}]", step.Location);
            var repairs = target is null ? new[] { remove } : new[] { Move(step, target), remove.As("Remove") };
            c.ReportRepairable(DiagnosticDescriptors.StepOnOtherSide, step.Location, repairs, step.Spec.Name, ValidationContext.Describe(step.Spec.Modalities) + " input",
                encoder.Name, ValidationContext.Describe(input.Spec.Modalities),
                target is null ? "remove it" : $"move it to '{target.Name}'");
        }
    }

    /// <summary>SSL033: the two projections' widths.</summary>
    private static void CheckProjections(ValidationContext c, ParsedAttribute firstInput, ParsedEncoderMember first, ParsedAttribute secondInput, ParsedEncoderMember second)
    {
        if ((first.Projection?.IsKnown(Projection.Output) ?? true) is false || (second.Projection?.IsKnown(Projection.Output) ?? true) is false)
        {
            return;
        }

        int a = first.Projection?.Get(Projection.Output) ?? Projection.Output.Default;
        int b = second.Projection?.Get(Projection.Output) ?? Projection.Output.Default;
        if (a == b || a <= 0 || b <= 0)
        {
            return;
        }

        // Report on the side whose width differs from a written one: the second, unless only it was written.
        bool onSecond = first.Projection is not null || second.Projection is null;
        var (at, atInput, other, otherInput, want) = onSecond ? (second, secondInput, first, firstInput, a) : (first, firstInput, second, secondInput, b);
        string literal = want.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var repair = at.Projection is { } p
            ? Repair.Set($"Set {Projection.Output.Name} = {literal}", p.Location, Projection.Output, literal)
            : Repair.AddAfter(at.Attribute.Location, Projection, $"{Projection.Output.Name} = {literal}");
        c.ReportRepairable(DiagnosticDescriptors.ProjectionWidthsDiffer, at.Projection?.LocationOf(Projection.Output) ?? at.Attribute.Location, new[] { repair },
            ValidationContext.Describe(atInput.Spec.Modalities), onSecond ? b : a, ValidationContext.Describe(otherInput.Spec.Modalities), literal);
    }

    private static bool Fits(ParsedAttribute step, ParsedEncoderMember encoder) =>
        encoder.Input is { } named && InCategory(AttributeCategory.Input).FirstOrDefault(i => MultimodalModelBuilder.ModalityMember(i) == named) is { } spec && (step.Spec.Modalities & spec.Modalities) != 0;

    /// <summary>Moves <paramref name="step"/> to <paramref name="target"/>'s [Encoder], with the arguments it has.</summary>
    private static Repair Move(ParsedAttribute step, ParsedEncoderMember target)
    {
        // The arguments as the user wrote them (each argument's location covers "Name = value").
        string arguments = string.Join(", ", step.Spec.Params.Where(step.IsWritten).Select(p =>
            step.LocationOf(p) is { SourceTree: { } tree } l ? tree.GetText().ToString(l.SourceSpan) : $"{p.Name} = {step.Model.Literal(p)}"));
        return new Repair($"Move [{step.Spec.Name}] to '{target.Name}'", null, new[]
        {
            new RepairEdit(RepairKind.RemoveAttribute, step.Location),
            Repair.AddEdit(target.Attribute.Location, after: true, step.Spec, arguments),
        });
    }
}
