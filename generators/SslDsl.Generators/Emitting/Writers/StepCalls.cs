using System.Collections.Generic;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// The runtime call of a pipeline step, <c>{RuntimeClass}.{Name}(input, own parameters in catalog order, p, generator)</c>,
/// and chains of steps written as straight-line assignments.
/// </summary>
internal static class StepCalls
{
    /// <summary>The step's own arguments and its probability, e.g. <c>patchSize: 4, ratio: 0.75, p: 1.0</c>.</summary>
    public static string Arguments(AttributeModel step)
    {
        var spec = (StepSpec)step.Spec;
        return string.Join(", ", spec.Params.Where(p => p != spec.View).Select(p => $"{Naming.Camel(p.Name)}: {step.Literal(p)}"));
    }

    /// <summary>The runtime call of <paramref name="step"/> on <paramref name="input"/> (Normalize draws nothing).</summary>
    public static string Call(AttributeModel step, string input)
    {
        var spec = (StepSpec)step.Spec;
        if (step.Is(AttributeCatalog.Normalize))
        {
            return $"{spec.RuntimeClass}.{spec.Name}({input}, mean: {step.Literal(AttributeCatalog.Normalize.Mean)}, std: {step.Literal(AttributeCatalog.Normalize.Std)})";
        }

        return $"{spec.RuntimeClass}.{spec.Name}({input}, {Arguments(step)}, generator: generator)";
    }

    /// <summary>
    /// The token masking <paramref name="step"/> (MaskTokens, WholeWordMask or SpanMask) of <paramref name="input"/>'s ids and attention mask:
    /// <c>TokenMasking.{Step}(ids, attention[, wordStarts], its parameters, p, generator, maskId[, vocabSize], specialIds: SpecialIds)</c>;
    /// whole-word masking reads the batch's word starts, <paramref name="wordStarts"/>.
    /// </summary>
    public static string TokenMask(AttributeModel step, AttributeModel input, string ids, string attention, string wordStarts)
    {
        bool wholeWords = step.Is(AttributeCatalog.WholeWordMask);
        string vocabulary = step.Is(AttributeCatalog.MaskTokens) || wholeWords ? $", vocabSize: {input.Literal(AttributeCatalog.TextInput.VocabSize)}" : "";
        string words = wholeWords ? $"{wordStarts}, " : "";
        return $"TokenMasking.{step.Name}({ids}, {attention}, {words}{Arguments(step)}, generator: generator, maskId: {input.Literal(AttributeCatalog.TextInput.MaskId)}{vocabulary}, specialIds: SpecialIds)";
    }

    /// <summary>The special token ids of a text input that masking never touches: pad, cls, sep, mask.</summary>
    public static string SpecialIds(AttributeModel input)
    {
        var t = AttributeCatalog.TextInput;
        return $"new long[] {{ {input.Literal(t.PadId)}, {input.Literal(t.ClsId)}, {input.Literal(t.SepId)}, {input.Literal(t.MaskId)} }}";
    }

    /// <summary>
    /// Writes <c>var local = step1(input); local = step2(local); ...</c> and returns the variable holding the
    /// result (<paramref name="input"/> itself when there are no steps). When <paramref name="input"/> is
    /// <paramref name="local"/> itself (already declared), every step assigns it.
    /// </summary>
    public static string Chain(SourceWriter w, string local, string input, IEnumerable<AttributeModel> steps)
    {
        string current = input;
        foreach (var step in steps)
        {
            w.Line(current == input && input != local ? $"var {local} = {Call(step, input)};" : $"{local} = {Call(step, local)};");
            current = local;
        }

        return current;
    }

    /// <summary>
    /// The resized crop that starts view <paramref name="view"/> of a [MultiCrop] task: a global crop for views 0
    /// and 1, a local one after, each square of its size and drawn in its scale range (torchvision's ratios).
    /// </summary>
    public static string MultiCrop(AttributeModel multiCrop, int view, string input)
    {
        var spec = AttributeCatalog.MultiCrop;
        bool global = view < AttributeCatalog.MultiCropSpec.GlobalViews;
        var (size, min, max) = global ? (spec.GlobalSize, spec.GlobalMinScale, spec.GlobalMaxScale) : (spec.LocalSize, spec.LocalMinScale, spec.LocalMaxScale);
        var ratios = AttributeCatalog.RandomResizedCrop;
        return $"ImageAugment.RandomResizedCrop({input}, size: {multiCrop.Literal(size)}, minScale: {multiCrop.Literal(min)}, maxScale: {multiCrop.Literal(max)}, minRatio: {ratios.MinRatio.DefaultLiteral}, maxRatio: {ratios.MaxRatio.DefaultLiteral}, p: 1.0, generator: generator)";
    }

    /// <summary>The augmentation (not masking) steps that apply to view <paramref name="view"/>, in order.</summary>
    public static IEnumerable<AttributeModel> OfView(PretextTaskModel task, int view) =>
        task.Steps.Where(s => s.Spec is StepSpec { Category: AttributeCategory.Augmentation } spec && s.Get(spec.View) is var v && (v < 0 || v == view));
}
