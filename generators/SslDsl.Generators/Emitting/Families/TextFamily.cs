using System.Linq;
using System.Text;

namespace SslDsl.Generators;

/// <summary>
/// Text objectives on token states [B,L,D]: masked language modelling (MaskTokens' 80/10/10 rule
/// or SpanMask; labels only at masked positions), causal next-token prediction (the built-in
/// transformer becomes causal), and next-sentence prediction from the [CLS] state.
/// </summary>
internal sealed class TextFamily : IObjectiveFamily
{
    public bool Owns(string objectiveName) => objectiveName is "MaskedTokenLoss" or "NextTokenLoss" or "NextSentenceLoss";

    public void Plan(TaskPlan plan)
    {
        var task = plan.Task;
        var input = task.Input ?? TaskModelBuilder.Defaults("TextInput");
        string name = task.Type.Name;
        bool tokenHead = task.Objective("MaskedTokenLoss") is not null || task.Objective("NextTokenLoss") is not null;
        if (tokenHead)
        {
            plan.AddMember(new ModelMember("tokenHead", "TokenHead", "TokenPredictionHead",
                $"new TokenPredictionHead({name}.EncoderOutputDim, vocabSize: {input.Literal("VocabSize")})",
                "Predicts a token id from each token state."));
        }

        foreach (var objective in task.Objectives.Where(o => Owns(o.Name)))
        {
            string variable = Naming.Variable(objective.Name);
            switch (objective.Name)
            {
                case "MaskedTokenLoss":
                    plan.PipelineCode.Add(MaskMethod(task, input));
                    plan.LossLines.Add("var masked = pipeline.Mask(batch);");
                    plan.LossLines.Add($"var {variable} = Losses.MaskedToken(model.TokenHead.forward(model.Encoder.forward(masked.Ids)), masked.Labels);");
                    break;

                case "NextTokenLoss":
                    plan.LossLines.Add("var ids = batch.Ids.to(pipeline.Device);");
                    plan.LossLines.Add($"var {variable} = Losses.NextToken(model.TokenHead.forward(model.Encoder.forward(ids)), ids, batch.AttentionMask.to(pipeline.Device));");
                    break;

                case "NextSentenceLoss":
                    plan.AddMember(new ModelMember("sentenceHead", "SentenceHead", "ClassifierHead",
                        $"new ClassifierHead({name}.EncoderOutputDim, classes: 2, hidden: {name}.EncoderOutputDim)",
                        "Predicts from the [CLS] state whether the second segment continues the first."));
                    plan.LossLines.Add($"var (pairs, sentenceLabels) = TextPretext.NextSentencePairs(batch.To(pipeline.Device), pipeline.Generator, clsId: {input.Literal("ClsId")}, sepId: {input.Literal("SepId")}, padId: {input.Literal("PadId")});");
                    plan.LossLines.Add("var clsStates = model.Encoder.forward(pairs.Ids).select(1, 0);");
                    plan.LossLines.Add($"var {variable} = Losses.Classification(model.SentenceHead.forward(clsStates), sentenceLabels);");
                    break;
            }

            plan.Terms.Add(new LossTerm(Naming.TermName(objective.Name), variable, objective.Literal("Weight"), objective.Double("Weight")));
        }
    }

    private static string MaskMethod(TaskModel task, AttributeModel input)
    {
        var step = task.Steps.FirstOrDefault(s => s.Name is "MaskTokens" or "SpanMask") ?? TaskModelBuilder.Defaults("MaskTokens");
        string specials = $"new long[] {{ {input.Literal("PadId")}, {input.Literal("ClsId")}, {input.Literal("SepId")}, {input.Literal("MaskId")} }}";
        var sb = new StringBuilder();
        sb.Append($"/// <summary>Masks a batch for masked language modelling ({step.Name}); special tokens and padding are never masked.</summary>\n");
        sb.Append("public TokenMaskResult Mask(TokenBatch batch)\n{\n");
        sb.Append("    var ids = batch.Ids.to(Device);\n");
        sb.Append("    var attention = batch.AttentionMask.to(Device);\n");
        sb.Append(step.Name == "SpanMask"
            ? $"    return TokenMasking.SpanMask(ids, attention, meanSpan: {step.Literal("MeanSpan")}, ratio: {step.Literal("Ratio")}, p: {step.Literal("P")}, generator, maskId: {input.Literal("MaskId")}, specialIds: SpecialIds);\n"
            : $"    return TokenMasking.MaskTokens(ids, attention, probability: {step.Literal("Probability")}, replaceWithMask: {step.Literal("ReplaceWithMask")}, replaceWithRandom: {step.Literal("ReplaceWithRandom")}, p: {step.Literal("P")}, generator, maskId: {input.Literal("MaskId")}, vocabSize: {input.Literal("VocabSize")}, specialIds: SpecialIds);\n");
        sb.Append("}\n\n");
        sb.Append("/// <summary>The special token ids (pad, cls, sep, mask), never masked.</summary>\n");
        sb.Append($"public static long[] SpecialIds {{ get; }} = {specials};");
        return sb.ToString();
    }
}
