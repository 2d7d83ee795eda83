using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Emits the Pipeline of a multimodal task: per input, <c>Augment{Samples}</c>, the augmentations declared on its
/// encoder as straight-line batched tensor code (token masking for text), constants inlined, every random draw
/// from one seeded generator on the model's device; and the deterministic preparation of each input.
/// </summary>
internal static class MultimodalPipelineEmitter
{
    public static void Emit(SourceWriter w, MultimodalTaskModel t, SideNames first, SideNames second)
    {
        w.Summary($"The augmentation pipelines of multimodal task '{t.TaskName}', one per input, applied to whole batches on the model's device: {Words(first)}; {Words(second)}.");
        using (w.Open("public sealed partial class Pipeline : ITaskPipeline<Pipeline>"))
        {
            PipelineScaffold.Emit(w, "every random draw of both inputs");
            foreach (var side in new[] { first, second })
            {
                w.Line();
                EmitAugment(w, side);
            }

            w.Line();
            w.Summary($"The deterministic part of the {Naming.Camel(first.Name)} pipeline (normalization), for fine-tuning, zero-shot classification and inference.");
            w.Line($"public static Tensor Prepare(Tensor {first.Kind.Parameter}) => {Prepared(first)};");
            w.Line();
            w.Summary($"The deterministic part of the {Naming.Camel(second.Name)} pipeline (normalization).");
            w.Line($"public static Tensor Prepare{second.Plural}(Tensor {second.Kind.Parameter}) => {Prepared(second)};");
            var text = new[] { first, second }.FirstOrDefault(s => s.Kind.IsText && s.Side.Steps.Any(IsTokenMask));
            if (text is not null)
            {
                w.Line();
                w.Summary("The special token ids (pad, cls, sep, mask), never masked.");
                w.Line($"public static long[] SpecialIds {{ get; }} = {StepCalls.SpecialIds(text.Side.Input)};");
            }

            w.Line();
            w.Summary("Releases the generator.");
            w.Line("public void Dispose() => generator.Dispose();");
        }
    }

    /// <summary>"the images go through RandomResizedCrop(MinScale = 0.5) and HorizontalFlip", "the texts are not augmented".</summary>
    public static string Words(SideNames side) => side.Side.Steps.Count == 0
        ? $"the {Naming.Camel(side.Plural)} are not augmented"
        : $"the {Naming.Camel(side.Plural)} go through {ValidationContext.List(side.Side.Steps.Select(RecipeText.Written))}";

    private static bool IsTokenMask(AttributeModel step) => step.Is(MaskTokens) || step.Is(WholeWordMask) || step.Is(SpanMask);

    private static string Prepared(SideNames side) =>
        side.Side.Steps.Where(s => s.Is(Normalize)).Aggregate(side.Kind.Parameter, (input, step) => StepCalls.Call(step, input));

    private static void EmitAugment(SourceWriter w, SideNames side)
    {
        string batch = side.Kind.BatchType;
        w.SummaryXml($"Augments a batch of {Naming.Camel(side.Plural)} on the pipeline's device: {SourceWriter.Escape(Words(side))}.");
        using (w.Open($"public {batch} Augment{side.Plural}({batch} {side.Local})"))
        {
            if (side.Kind.IsText)
            {
                w.Line($"var ids = {side.Local}.Ids.to(Device);");
                w.Line($"var attention = {side.Local}.AttentionMask.to(Device);");
                foreach (var step in side.Side.Steps.Where(IsTokenMask))
                {
                    w.Line($"ids = {StepCalls.TokenMask(step, side.Side.Input, "ids", "attention", $"{side.Local}.WordStarts?.to(Device)")}.Ids;");
                }

                w.Line("return new TokenBatch(ids, attention);");
                return;
            }

            string augmented = StepCalls.Chain(w, "augmented", $"{side.Local}.{side.Kind.Tensor}.to(Device)", side.Side.Steps);
            w.Line($"return new {batch}({augmented});");
        }
    }
}
