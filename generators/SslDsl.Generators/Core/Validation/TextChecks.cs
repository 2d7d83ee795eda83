using System.Linq;

namespace SslDsl.Generators;

/// <summary>BERT masking fractions (SSL022) and the text input's vocabulary and special ids (SSL023).</summary>
internal static class TextChecks
{
    public static void Check(ValidationContext c)
    {
        foreach (var mask in c.Steps.Where(s => s.Spec.Name == "MaskTokens"))
        {
            double m = mask.Model.Double("ReplaceWithMask");
            double r = mask.Model.Double("ReplaceWithRandom");
            bool inRange = m >= 0 && m <= 1 && r >= 0 && r <= 1;
            if (mask.AreKnown("ReplaceWithMask", "ReplaceWithRandom") && inRange && m + r > 1 + 1e-12)
            {
                string at = mask.IsWritten("ReplaceWithRandom") ? "ReplaceWithRandom" : "ReplaceWithMask";
                c.Report(DiagnosticDescriptors.MaskSplitTooLarge, mask.LocationOf(at), ValidationContext.Format(m), ValidationContext.Format(r), ValidationContext.Format(m + r));
            }
        }

        var input = c.Input;
        if (input?.Spec.Name != "TextInput" || !input.IsKnown("VocabSize"))
        {
            return;
        }

        int vocab = input.Model.Int("VocabSize");
        if (vocab <= 0)
        {
            c.Report(DiagnosticDescriptors.TextVocabularyInvalid, input.LocationOf("VocabSize"),
                $"TextInput.VocabSize is {vocab}{(input.IsWritten("VocabSize") ? "" : " (not set)")}, but it must be > 0; set it to the tokenizer's vocabulary size");
            return;
        }

        foreach (var id in new[] { "PadId", "MaskId", "ClsId", "SepId" })
        {
            int v = input.Model.Int(id);
            if (input.IsKnown(id) && (v < 0 || v >= vocab))
            {
                c.Report(DiagnosticDescriptors.TextVocabularyInvalid, input.LocationOf(id),
                    $"TextInput.{id} is {v}, outside the vocabulary [0, {vocab - 1}] (VocabSize = {vocab}); use the tokenizer's id for this token, or raise VocabSize");
            }
        }
    }
}
