using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>BERT masking fractions of [MaskTokens] and [WholeWordMask] (SSL022) and the text input's vocabulary and special ids (SSL023).</summary>
internal static class TextChecks
{
    public static void Check(ValidationContext c) => Check(c, c.Steps, c.Input);

    /// <summary>Checks the masking <paramref name="steps"/> of <paramref name="input"/> (a multimodal task's text side).</summary>
    public static void Check(ValidationContext c, System.Collections.Generic.IEnumerable<ParsedAttribute> steps, ParsedAttribute? input)
    {
        foreach (var mask in steps)
        {
            if (mask.Spec is not BertMaskSpec spec)
            {
                continue;
            }

            double m = mask.Get(spec.ReplaceWithMask);
            double r = mask.Get(spec.ReplaceWithRandom);
            bool inRange = m >= 0 && m <= 1 && r >= 0 && r <= 1;
            if (mask.AreKnown(spec.ReplaceWithMask, spec.ReplaceWithRandom) && inRange && m + r > 1 + 1e-12)
            {
                var at = mask.IsWritten(spec.ReplaceWithRandom) ? spec.ReplaceWithRandom : spec.ReplaceWithMask;
                var other = at == spec.ReplaceWithRandom ? spec.ReplaceWithMask : spec.ReplaceWithRandom;
                var repairs = new[] { Complement(mask, at, other), Complement(mask, other, at).As("Lower" + other.Name) };
                c.ReportRepairable(DiagnosticDescriptors.MaskSplitTooLarge, mask.LocationOf(at), repairs, spec.Name, ValidationContext.Format(m), ValidationContext.Format(r), ValidationContext.Format(m + r));
            }
        }

        CheckVocabulary(c, input);
    }

    /// <summary>Sets <paramref name="lowered"/> to 1 minus <paramref name="kept"/>, so the two sum to 1.</summary>
    private static Repair Complement(ParsedAttribute mask, DoubleParam lowered, DoubleParam kept)
    {
        string value = ArgValue.FormatDouble(System.Math.Round(1 - mask.Get(kept), 10));
        return Repair.Set($"Set {lowered.Name} = {value} (1 - {kept.Name})", mask.Location, lowered, value);
    }

    private static void CheckVocabulary(ValidationContext c, ParsedAttribute? input)
    {
        if (input is null || !input.Is(TextInput) || !input.IsKnown(TextInput.VocabSize))
        {
            return;
        }

        int vocab = input.Get(TextInput.VocabSize);
        if (vocab <= 0)
        {
            c.Report(DiagnosticDescriptors.TextVocabularyInvalid, input.LocationOf(TextInput.VocabSize),
                $"TextInput.VocabSize is {vocab}{(input.IsWritten(TextInput.VocabSize) ? "" : " (not set)")}, but it must be > 0; set it to the tokenizer's vocabulary size");
            return;
        }

        foreach (var id in new[] { TextInput.PadId, TextInput.MaskId, TextInput.ClsId, TextInput.SepId })
        {
            int v = input.Get(id);
            if (input.IsKnown(id) && (v < 0 || v >= vocab))
            {
                c.Report(DiagnosticDescriptors.TextVocabularyInvalid, input.LocationOf(id),
                    $"TextInput.{id.Name} is {v}, outside the vocabulary [0, {vocab - 1}] (VocabSize = {vocab}); use the tokenizer's id for this token, or raise VocabSize");
            }
        }
    }
}
