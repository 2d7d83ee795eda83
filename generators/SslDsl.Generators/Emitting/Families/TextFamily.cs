using System;
using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Text objectives on token states [B,L,D]: masked language modelling (MaskTokens' 80/10/10 rule, whole words or
/// SpanMask; labels only at masked positions), T5's span corruption (a light decoder reads the encoder's states of
/// the corrupted input and predicts the sentinel target), causal next-token prediction (the built-in transformer
/// becomes causal), and next-sentence prediction from the [CLS] state. One method per objective.
/// </summary>
internal sealed class TextFamily : IObjectiveFamily
{
    private static readonly Dictionary<AttributeSpec, Action<TaskPlan, AttributeModel>> Planners = new()
    {
        [MaskedTokenLoss] = PlanMaskedToken,
        [SpanCorruptionLoss] = PlanSpanCorruption,
        [NextTokenLoss] = PlanNextToken,
        [NextSentenceLoss] = PlanNextSentence,
    };

    public void Plan(TaskPlan plan, IReadOnlyList<AttributeModel> objectives)
    {
        var task = plan.Task;
        if (task.Objective(MaskedTokenLoss) is not null || task.Objective(NextTokenLoss) is not null)
        {
            plan.Model.Add(new ModelMember("tokenHead", "TokenHead", "TokenPredictionHead",
                $"new TokenPredictionHead({task.Type.Name}.EncoderOutputDim, vocabSize: {task.Input.Literal(TextInput.VocabSize)})",
                "Predicts a token id from each token state."));
        }

        foreach (var objective in objectives)
        {
            Planners[objective.Spec](plan, objective);
        }
    }

    private static void PlanMaskedToken(TaskPlan plan, AttributeModel objective)
    {
        var mask = plan.Task.Steps.FirstOrDefault(s => s.Is(MaskTokens) || s.Is(WholeWordMask) || s.Is(SpanMask)) ?? MaskTokens.Defaults;
        plan.Pipeline.Parts.Add(new TokenMask(mask, plan.Task.Input));
        var o = plan.Objective;
        string masked = o.Local("masked", "pipeline.Mask(batch)");
        o.Term(objective, o.Local(Naming.Variable(objective.Name), $"Losses.MaskedToken(model.TokenHead.call(model.Encoder.call({masked}.Ids)), {masked}.Labels)"));
    }

    private static void PlanSpanCorruption(TaskPlan plan, AttributeModel objective)
    {
        var task = plan.Task;
        var input = task.Input;
        plan.Model.Add(new ModelMember("spanDecoder", "SpanDecoder", "SpanDecoder",
            $"new SpanDecoder({task.Type.Name}.EncoderOutputDim, vocabSize: {input.Literal(TextInput.VocabSize)}, maxLength: {input.Literal(TextInput.MaxLength)}, layers: {objective.Literal(SpanCorruptionLoss.Layers)}, heads: {objective.Literal(SpanCorruptionLoss.Heads)})",
            "Decodes the sentinel target from the encoder's states of the corrupted input (T5)."));
        var corruption = task.Steps.FirstOrDefault(s => s.Is(SpanCorruption)) ?? SpanCorruption.Defaults;
        plan.Pipeline.Parts.Add(new SpanCorruptionPart(corruption, input));
        var o = plan.Objective;
        string corrupted = o.Local("corrupted", "pipeline.CorruptSpans(batch)");
        string states = o.Local("states", $"model.Encoder.call({corrupted}.Ids)");
        o.Term(objective, o.Local(Naming.Variable(objective.Name), $"Losses.SpanCorruption(model.SpanDecoder.call({states}, {corrupted}.AttentionMask, {corrupted}.DecoderIds), {corrupted}.Targets)"));
    }

    private static void PlanNextToken(TaskPlan plan, AttributeModel objective)
    {
        var o = plan.Objective;
        string ids = o.Local("ids", "batch.Ids.to(pipeline.Device)");
        o.Term(objective, o.Local(Naming.Variable(objective.Name), $"Losses.NextToken(model.TokenHead.call(CausalEncoding.Encode(model.Encoder, {ids})), {ids}, batch.AttentionMask.to(pipeline.Device))"));
    }

    private static void PlanNextSentence(TaskPlan plan, AttributeModel objective)
    {
        var task = plan.Task;
        var input = task.Input;
        string name = task.Type.Name;
        plan.Model.Add(new ModelMember("sentenceHead", "SentenceHead", "ClassifierHead",
            $"new ClassifierHead({name}.EncoderOutputDim, classes: 2, hidden: {name}.EncoderOutputDim)",
            "Predicts from the [CLS] state whether the second segment continues the first."));
        var o = plan.Objective;
        o.Locals(new[] { "pairs", "sentenceLabels" }, $"TextPretext.NextSentencePairs(batch.To(pipeline.Device), pipeline.Generator, clsId: {input.Literal(TextInput.ClsId)}, sepId: {input.Literal(TextInput.SepId)}, padId: {input.Literal(TextInput.PadId)})");
        string cls = o.Local("clsStates", "model.Encoder.call(pairs.Ids).select(1, 0)");
        o.Term(objective, o.Local(Naming.Variable(objective.Name), $"Losses.Classification(model.SentenceHead.call({cls}), sentenceLabels)"));
    }

    /// <summary>The special ids (pad, cls, sep, mask) as a property of the pipeline: the maskings never touch them.</summary>
    private static void WriteSpecialIds(SourceWriter w, AttributeModel input)
    {
        w.Line();
        w.Summary("The special token ids (pad, cls, sep, mask), never masked.");
        w.Line($"public static long[] SpecialIds {{ get; }} = {StepCalls.SpecialIds(input)};");
    }

    /// <summary>
    /// Pipeline.Mask: the declared token masking (<c>TokenMasking.{Step}(ids, attention, its parameters, p, generator, ...)</c>;
    /// whole-word masking also reads the batch's word starts) and the special ids it never masks.
    /// </summary>
    private sealed record TokenMask(AttributeModel Step, AttributeModel Input) : IPipelinePart
    {
        public void Write(SourceWriter w)
        {
            w.Summary($"Masks a batch for masked language modelling ({Step.Name}); special tokens and padding are never masked.");
            using (w.Open("public TokenMaskResult Mask(TokenBatch batch)"))
            {
                w.Line("var ids = batch.Ids.to(Device);");
                w.Line("var attention = batch.AttentionMask.to(Device);");
                w.Line($"return {StepCalls.TokenMask(Step, Input, "ids", "attention", "batch.WordStarts?.to(Device)")};");
            }

            WriteSpecialIds(w, Input);
        }
    }

    /// <summary>
    /// Pipeline.CorruptSpans: T5's span corruption (<c>TokenMasking.SpanCorruption</c>): the corrupted input, the
    /// decoder's input and its target; the sentinels are the top ids of the vocabulary.
    /// </summary>
    private sealed record SpanCorruptionPart(AttributeModel Step, AttributeModel Input) : IPipelinePart
    {
        public void Write(SourceWriter w)
        {
            w.Summary("Corrupts a batch as T5 does: each noise span becomes one sentinel, and the target lists the sentinels and their spans.");
            using (w.Open("public SpanCorruptionResult CorruptSpans(TokenBatch batch)"))
            {
                w.Line("var ids = batch.Ids.to(Device);");
                w.Line("var attention = batch.AttentionMask.to(Device);");
                w.Line($"return TokenMasking.SpanCorruption(ids, attention, {StepCalls.Arguments(Step)}, generator: generator, padId: {Input.Literal(TextInput.PadId)}, vocabSize: {Input.Literal(TextInput.VocabSize)}, specialIds: SpecialIds);");
            }

            WriteSpecialIds(w, Input);
        }
    }
}
