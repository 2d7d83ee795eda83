using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Token maskings against each other and against the text objectives: one masking per task (SSL045), a masking
/// that fits its objective (SSL046), T5's sentinels above the special ids (SSL047), and the span decoder's heads
/// against the encoder's width (SSL048).
/// </summary>
internal static class TokenMaskingChecks
{
    /// <summary>The steps that mask a token batch for a text objective.</summary>
    private static readonly AttributeSpec[] Maskings = { MaskTokens, WholeWordMask, SpanMask, SpanCorruption };

    public static void Check(ValidationContext c)
    {
        if (c.Modality != Modality.Text)
        {
            return;
        }

        var maskings = c.Steps.Where(s => Maskings.Contains(s.Spec)).ToList();
        CheckOneMasking(c, maskings);
        CheckObjectives(c, maskings);
        CheckSentinels(c);
        CheckDecoderHeads(c);
    }

    private static void CheckOneMasking(ValidationContext c, List<ParsedAttribute> maskings)
    {
        if (maskings.Count < 2)
        {
            return;
        }

        string all = ValidationContext.List(maskings.Select(m => $"[{m.Spec.Name}]"));
        foreach (var extra in maskings.Skip(1))
        {
            c.ReportRepairable(DiagnosticDescriptors.TwoTokenMaskings, extra.Location,
                new[] { Repair.RemoveAttribute($"Remove [{extra.Spec.Name}]", extra.Location) },
                c.Name, all, $"[{maskings[0].Spec.Name}]");
        }
    }

    private static void CheckObjectives(ValidationContext c, List<ParsedAttribute> maskings)
    {
        if (maskings.Count > 1)
        {
            return; // SSL045 first: which masking is meant is not known yet
        }

        var masking = maskings.FirstOrDefault();
        var decoder = c.Find(SpanCorruptionLoss);
        var masked = c.Find(MaskedTokenLoss);
        bool corrupts = masking is not null && masking.Is(SpanCorruption);
        if (decoder is not null && !corrupts)
        {
            if (masking is null)
            {
                var anchor = c.PipelineEnd;
                var repairs = anchor is null ? new Repair[0] : new[] { Repair.AddAfter(anchor.Location, SpanCorruption) };
                c.ReportRepairable(DiagnosticDescriptors.MaskingObjectiveMismatch, decoder.Location, repairs,
                    "[SpanCorruptionLoss]", c.Name, "has no [SpanCorruption] to make its sentinel target", "add [SpanCorruption] to the pipeline");
            }
            else if (masked is null)
            {
                var repairs = c.Input is null ? new Repair[0] : new[] { Replace(masking, SpanCorruption, c.Input) };
                c.ReportRepairable(DiagnosticDescriptors.MaskingObjectiveMismatch, decoder.Location, repairs,
                    "[SpanCorruptionLoss]", c.Name, $"decodes the sentinel target of [SpanCorruption], but the task masks with [{masking.Spec.Name}], which makes none",
                    $"replace [{masking.Spec.Name}] with [SpanCorruption]");
            }
            else
            {
                // [MaskedTokenLoss] reads the masking: the decoder is the one without its input.
                c.ReportRepairable(DiagnosticDescriptors.MaskingObjectiveMismatch, decoder.Location,
                    new[] { Repair.RemoveAttribute("Remove [SpanCorruptionLoss]", decoder.Location) },
                    "[SpanCorruptionLoss]", c.Name, $"decodes the sentinel target of [SpanCorruption], but the task masks with [{masking.Spec.Name}] for [MaskedTokenLoss]",
                    "remove [SpanCorruptionLoss], or replace both with [SpanCorruption] and [SpanCorruptionLoss]");
            }
        }

        if (corrupts && masked is not null)
        {
            var repair = decoder is null
                ? Replace(masked, SpanCorruptionLoss, masking!)
                : Repair.RemoveAttribute("Remove [MaskedTokenLoss]", masked.Location);
            c.ReportRepairable(DiagnosticDescriptors.MaskingObjectiveMismatch, masked.Location, new[] { repair },
                "[MaskedTokenLoss]", c.Name, "predicts tokens at their masked positions, but [SpanCorruption] replaces each span with one sentinel and shifts the rest, so no position keeps its label",
                decoder is null ? "use [SpanCorruptionLoss], which decodes the spans" : "remove it: [SpanCorruptionLoss] decodes the spans");
        }

        if (corrupts && masked is null && decoder is null && c.Objectives.Count > 0)
        {
            c.ReportRepairable(DiagnosticDescriptors.MaskingObjectiveMismatch, masking!.Location,
                new[] { Repair.AddAfter(c.Objectives[c.Objectives.Count - 1].Location, SpanCorruptionLoss) },
                "[SpanCorruption]", c.Name, "makes a sentinel target that no objective reads", "add [SpanCorruptionLoss], which decodes it");
        }
    }

    /// <summary>
    /// Removes <paramref name="old"/> and adds <c>[<paramref name="by"/>]</c> after <paramref name="anchor"/> (an attribute
    /// the repair keeps: an edit cannot aim at the attribute another edit removes).
    /// </summary>
    private static Repair Replace(ParsedAttribute old, AttributeSpec by, ParsedAttribute anchor) =>
        new($"Replace [{old.Spec.Name}] with [{by.Name}]", null, new[]
        {
            Repair.AddEdit(anchor.Location, after: true, by, ""),
            new RepairEdit(RepairKind.RemoveAttribute, old.Location),
        });

    private static void CheckSentinels(ValidationContext c)
    {
        var corruption = c.Steps.FirstOrDefault(s => s.Is(SpanCorruption));
        var input = c.Input;
        if (corruption is null || input is null || !input.Is(TextInput)
            || !corruption.AreKnown(SpanCorruption.NoiseDensity, SpanCorruption.MeanSpan)
            || !input.AreKnown(TextInput.MaxLength, TextInput.VocabSize, TextInput.PadId, TextInput.ClsId, TextInput.SepId, TextInput.MaskId))
        {
            return;
        }

        double density = corruption.Get(SpanCorruption.NoiseDensity);
        double meanSpan = corruption.Get(SpanCorruption.MeanSpan);
        int maxLength = input.Get(TextInput.MaxLength);
        int vocab = input.Get(TextInput.VocabSize);
        if (density <= 0 || density >= 1 || meanSpan < 1 || maxLength < 2 || vocab <= 0)
        {
            return; // SSL007, SSL015, SSL023
        }

        int sentinels = SentinelCount(maxLength, density, meanSpan);
        var special = new[] { TextInput.PadId, TextInput.ClsId, TextInput.SepId, TextInput.MaskId }.OrderByDescending(input.Get).First();
        int highest = input.Get(special);
        if (highest < 0 || highest >= vocab || vocab - sentinels > highest)
        {
            return;
        }

        string needed = (highest + 1 + sentinels).ToString(CultureInfo.InvariantCulture);
        c.ReportRepairable(DiagnosticDescriptors.SentinelsReachSpecialIds, input.LocationOf(TextInput.VocabSize),
            new[] { Repair.Set($"Set VocabSize = {needed}", input.Location, TextInput.VocabSize, needed) },
            sentinels, maxLength, Math.Max(0, vocab - sentinels), vocab - 1, special.Name, highest, needed);
    }

    /// <summary>
    /// The most sentinels T5's span corruption uses for a sequence of at most <paramref name="length"/> tokens: one
    /// per noise span and the closing one (the runtime's TokenMasking.SentinelCount).
    /// </summary>
    /// <remarks>
    /// The count never falls as the sequence grows, so the most is the count at <paramref name="length"/>: no loop over
    /// lengths (a loop up to a MaxLength of int.MaxValue never ended, and hung the generator on that input).
    /// </remarks>
    public static int SentinelCount(int length, double density, double meanSpan)
    {
        if (length < 2)
        {
            return 0;
        }

        int noise = Math.Min(Math.Max((int)Math.Round(length * density), 1), length - 1);
        int spans = Math.Min(Math.Max((int)Math.Round(noise / meanSpan), 1), Math.Min(noise, length - noise));
        return spans + 1;
    }

    private static void CheckDecoderHeads(ValidationContext c)
    {
        var decoder = c.Find(SpanCorruptionLoss);
        if (decoder is null || !decoder.IsKnown(SpanCorruptionLoss.Heads) || c.EncoderOutputDim is not { } width)
        {
            return;
        }

        int heads = decoder.Get(SpanCorruptionLoss.Heads);
        if (heads <= 0 || width % heads == 0)
        {
            return;
        }

        int divisor = Enumerable.Range(1, Math.Min(heads, width)).Last(d => width % d == 0);
        string text = divisor.ToString(CultureInfo.InvariantCulture);
        c.ReportRepairable(DiagnosticDescriptors.DecoderHeadsInvalid, decoder.LocationOf(SpanCorruptionLoss.Heads),
            new[] { Repair.Set($"Set Heads = {text}", decoder.Location, SpanCorruptionLoss.Heads, text) },
            heads, width, text);
    }
}
