using Microsoft.CodeAnalysis;

namespace SslDsl.Generators;

/// <summary>
/// The diagnostic catalogue (DSL.md section 3, plus SSL026 to SSL038). IDs and severities are part of the
/// public contract. Each message names the value found, the allowed range or the missing piece,
/// and what to do; docs/diagnostics.md has a wrong and a fixed example for every ID, and each
/// descriptor's help link points at its section there. Diagnostics with a code fix carry their
/// repairs (<see cref="RepairCodec"/>).
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The category of every SslDsl diagnostic.</summary>
    public const string Category = "SslDsl";

    /// <summary>The documentation page; each ID's section is anchored by its lower-case ID (#ssl001).</summary>
    public const string HelpBase = "https://github.com/SslDsl/SslDsl/blob/main/docs/diagnostics.md#";

    private static DiagnosticDescriptor Error(string id, string title, string message, params string[] tags) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: HelpBase + id.ToLowerInvariant(), customTags: tags);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: null, helpLinkUri: HelpBase + id.ToLowerInvariant());

    /// <summary>SSL001. {0}: the task class; {1}: the types to mark partial.</summary>
    public static readonly DiagnosticDescriptor NotPartial = Error(
        "SSL001", "Task class must be partial",
        "Task class '{0}' must be partial, and so must every type that encloses it: add the 'partial' modifier to {1} so the generator can add Model, Pipeline, Trainer and FineTuner");

    /// <summary>SSL002. {0}: the task class.</summary>
    public static readonly DiagnosticDescriptor NoEncoder = Error(
        "SSL002", "Task has no encoder",
        "Task '{0}' has no encoder: add a static parameterless member marked [Encoder(OutputDim = n)] that returns nn.Module<Tensor, Tensor>, or put [Backbone(BackboneKind.X)] on the class");

    /// <summary>SSL003. {0}: the task class; {1}: how many; {2}: which.</summary>
    public static readonly DiagnosticDescriptor MultipleEncoders = Error(
        "SSL003", "Task has more than one encoder",
        "Task '{0}' declares {1} encoders ({2}); keep exactly one, a single [Encoder] member or a single [Backbone], and remove this one");

    /// <summary>SSL004. {0}: the member; {1}: what is wrong with it.</summary>
    public static readonly DiagnosticDescriptor InvalidEncoderMember = Error(
        "SSL004", "Encoder member has the wrong shape",
        "[Encoder] member '{0}' {1}; make it a static parameterless method or property that returns nn.Module<Tensor, Tensor>");

    /// <summary>SSL005. {0}: the task class; {1}: what was found.</summary>
    public static readonly DiagnosticDescriptor InputCount = Error(
        "SSL005", "Task needs exactly one input declaration",
        "Task '{0}' {1}; declare exactly one of [ImageInput], [TextInput], [TabularInput] or [TimeSeriesInput]");

    /// <summary>SSL006. {0}: the task class; {1}: what to add.</summary>
    public static readonly DiagnosticDescriptor NoObjective = Error(
        "SSL006", "Task has no objective",
        "Task '{0}' declares no objective; {1}");

    /// <summary>SSL007. {0}.{1}: the argument; {2}: its value; {3}: what it is; {4}: the range; {5}: the nearest valid value.</summary>
    public static readonly DiagnosticDescriptor ProbabilityOutOfRange = Error(
        "SSL007", "Probability, ratio or rate out of range",
        "{0}.{1} is {2}, but {3} must lie in {4}; set it to a value in that range (the nearest valid value is {5})");

    /// <summary>SSL008. {0}.{1}: the argument (Temperature, or DINO's StudentTemperature ...); {2}: its value.</summary>
    public static readonly DiagnosticDescriptor TemperatureNotPositive = Error(
        "SSL008", "Temperature must be positive",
        "{0}.{1} is {2}, but a softmax temperature must be > 0; set a positive value (0.1 to 0.5 is usual)");

    /// <summary>SSL009. {0}.{1}: the argument; {2}: its value; {3}: the range; {4}: a usual value.</summary>
    public static readonly DiagnosticDescriptor MomentumOutOfRange = Error(
        "SSL009", "Momentum out of range",
        "{0}.{1} is {2}, but it must lie in {3}; set it to a value in that range ({4} is usual)");

    /// <summary>SSL010. {0}: the objectives; {1}: the task; {2}: the views it draws.</summary>
    public static readonly DiagnosticDescriptor TooFewViews = Error(
        "SSL010", "Joint-embedding objective needs two views",
        "{0} compares two views of each sample, but task '{1}' draws {2}; declare [Views(2)]");

    /// <summary>SSL011. {0}: the task; {1}: the view count; {2}: suggested augmentations.</summary>
    public static readonly DiagnosticDescriptor IdenticalViews = Warning(
        "SSL011", "Views are identical",
        "Task '{0}' draws {1} views but declares no random augmentation, so every view is the same and the objective is trivial; add random augmentations such as {2}");

    /// <summary>SSL012. {0}: the task; {1}: suggested corruptions.</summary>
    public static readonly DiagnosticDescriptor IdentityReconstruction = Warning(
        "SSL012", "Reconstruction without corruption",
        "Task '{0}' reconstructs its input but applies no masking or noise, so the model can learn the identity; add a corruption such as {1}");

    /// <summary>SSL013. {0}: the attribute; {1}: the inputs it fits; {2}: the task; {3}: its input; {4}: the task's modality.</summary>
    public static readonly DiagnosticDescriptor WrongModality = Error(
        "SSL013", "Attribute does not fit the input",
        "[{0}] works on {1} input, but task '{2}' declares [{3}]; remove it or use one made for {4} input");

    /// <summary>SSL014. {0}: Saturation or Hue; {1}: its value.</summary>
    public static readonly DiagnosticDescriptor ColorOnGrayscale = Warning(
        "SSL014", "Colour jitter on a single-channel image",
        "ColorJitter.{0} is {1}, but the input has 1 channel, so it does nothing; remove it (or set it to 0), or declare a colour input with Channels = 3");

    /// <summary>SSL015. {0}: the whole message (what does not fit, the sizes, what to do).</summary>
    public static readonly DiagnosticDescriptor ShapeMismatch = Error(
        "SSL015", "Shapes do not fit",
        "{0}");

    /// <summary>SSL016. {0}: the whole message.</summary>
    public static readonly DiagnosticDescriptor DimensionMismatch = Error(
        "SSL016", "Head or encoder dimension is invalid",
        "{0}");

    /// <summary>SSL017. {0}: the task; {1}: what is missing; {2}: the attributes to add.</summary>
    public static readonly DiagnosticDescriptor ByolIncomplete = Error(
        "SSL017", "ByolLoss needs a momentum encoder and a predictor",
        "ByolLoss on task '{0}' needs {1}: BYOL's online predictor regresses the momentum (target) network's projection; add {2}");

    /// <summary>SSL018. {0}: the whole message.</summary>
    public static readonly DiagnosticDescriptor QueueInvalid = Error(
        "SSL018", "Negative queue misconfigured",
        "{0}");

    /// <summary>SSL019. {0}: the whole message.</summary>
    public static readonly DiagnosticDescriptor MultiTaskInvalid = Error(
        "SSL019", "Multi-task member is invalid",
        "{0}");

    /// <summary>SSL020. {0}: the objective; {1}: the weight.</summary>
    public static readonly DiagnosticDescriptor WeightNotPositive = Error(
        "SSL020", "Objective weight must be positive",
        "{0}.Weight is {1}, but a weight must be > 0; set a positive weight, or remove the objective to disable it");

    /// <summary>SSL021. {0}: the whole message.</summary>
    public static readonly DiagnosticDescriptor FineTuneInvalid = Error(
        "SSL021", "Fine-tune configuration is invalid",
        "{0}");

    /// <summary>SSL022. {0}: the masking (MaskTokens or WholeWordMask); {1}, {2}: the fractions; {3}: their sum.</summary>
    public static readonly DiagnosticDescriptor MaskSplitTooLarge = Error(
        "SSL022", "Token masking replacement fractions exceed 1",
        "{0}.ReplaceWithMask ({1}) + ReplaceWithRandom ({2}) = {3}, more than 1; lower one of them so that the sum is at most 1 (BERT uses 0.8 and 0.1)");

    /// <summary>SSL023. {0}: the whole message.</summary>
    public static readonly DiagnosticDescriptor TextVocabularyInvalid = Error(
        "SSL023", "Text input vocabulary is invalid",
        "{0}");

    /// <summary>SSL024. {0}: the name; {1}, {2}: the two classes.</summary>
    public static readonly DiagnosticDescriptor DuplicateTaskName = Error(
        "SSL024", "Duplicate task name",
        "Task name '{0}' is used by both '{1}' and '{2}'; rename one of them: task names must be unique in a compilation (they name checkpoints and output folders)",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>SSL025. {0}.{1}: the argument; {2}: its value; {3}: the range; {4}: what to do.</summary>
    public static readonly DiagnosticDescriptor TrainingValueOutOfRange = Error(
        "SSL025", "Training value out of range",
        "{0}.{1} is {2}, but it must be {3}; {4}");

    /// <summary>SSL026. {0}.{1}: the argument; {2}: its value; {3}: the range; {4}: what to do.</summary>
    public static readonly DiagnosticDescriptor StrengthOutOfRange = Error(
        "SSL026", "Augmentation or loss parameter out of range",
        "{0}.{1} is {2}, but it must be {3}; {4}");

    /// <summary>SSL027. {0}: the whole message (which size, or which attribute does not go with multi-crop, and what to do).</summary>
    public static readonly DiagnosticDescriptor MultiCropInvalid = Error(
        "SSL027", "Multi-crop views are misconfigured",
        "{0}");

    /// <summary>SSL028. {0}: the teacher parameter; {1}: its value; {2}: the student temperature; {3}: a usual teacher value.</summary>
    public static readonly DiagnosticDescriptor TeacherNotSharper = Error(
        "SSL028", "DINO's teacher temperature must be below the student's",
        "DinoLoss.{0} is {1}, but the teacher must sharpen: its temperature must be below StudentTemperature ({2}), or the teacher's targets are as flat as the student's and the outputs collapse; set it to e.g. {3}");

    /// <summary>SSL029. {0}: the objective; {1}: the task; {2}: what is missing or extra; {3}: why; {4}: what to do.</summary>
    public static readonly DiagnosticDescriptor MethodHeadsInvalid = Error(
        "SSL029", "Objective lacks a head it needs, or has one it cannot use",
        "{0} on task '{1}' {2}: {3}; {4}");

    /// <summary>SSL030. {0}.{1}: the argument; {2}: its value; {3}: the requirement; {4}: what it sizes; {5}: the batch size; {6}: the nearest valid value.</summary>
    public static readonly DiagnosticDescriptor MemorySizeInvalid = Error(
        "SSL030", "Support set or queue size is invalid",
        "{0}.{1} is {2}, but {4} must hold {3}: each step replaces one batch of {5}; set it to e.g. {6}");

    /// <summary>SSL031. {0}: the task class as written; {1}: what makes it generic; {2}: what to do.</summary>
    public static readonly DiagnosticDescriptor GenericTask = Error(
        "SSL031", "Task class cannot be generic",
        "Task class '{0}' {1}, but a task cannot be generic: attribute arguments cannot use type parameters, so every type argument would give the same task under the same name, and the name picks its checkpoints and output folders; {2}");

    /// <summary>SSL032. {0}: the warm-up in epochs; {1}: the epochs.</summary>
    public static readonly DiagnosticDescriptor WarmupCoversTraining = Warning(
        "SSL032", "Warm-up lasts the whole training",
        "LearningRateSchedule.WarmupEpochs is {0}, not less than Training.Epochs ({1}): the learning rate rises linearly for the whole run, reaching the base rate only at the last step, and the cosine decay never starts; if that is not what you want, shorten the warm-up or train for more epochs");

    /// <summary>SSL033. {0}: the input whose projection differs; {1}: its Output; {2}: the other input; {3}: the other's Output.</summary>
    public static readonly DiagnosticDescriptor ProjectionWidthsDiffer = Error(
        "SSL033", "Projections of a multimodal task have different widths",
        "The projection of the {0} input has Output = {1}, but the {2} input's has Output = {3}: the two sides are compared in one shared embedding, so both projections must have the same width; set Output = {3}");

    /// <summary>SSL034. {0}: the task class; {1}: the input attribute; {2}: the Modality member.</summary>
    public static readonly DiagnosticDescriptor InputWithoutEncoder = Error(
        "SSL034", "An input of a multimodal task has no encoder",
        "Task '{0}' declares [{1}], but no encoder reads it: mark a static member that returns nn.Module<Tensor, Tensor> with [Encoder(OutputDim = n, Input = Modality.{2})]");

    /// <summary>SSL035. {0}: the member; {1}: what is wrong; {2}: what to do.</summary>
    public static readonly DiagnosticDescriptor EncoderInputInvalid = Error(
        "SSL035", "An encoder names an input the task does not have",
        "[Encoder] member '{0}' {1}; {2}");

    /// <summary>SSL036. {0}: the step; {1}: the inputs it fits; {2}: the member; {3}: the input the member reads; {4}: what to do.</summary>
    public static readonly DiagnosticDescriptor StepOnOtherSide = Error(
        "SSL036", "Augmentation on the encoder of another input",
        "[{0}] augments {1}, but it stands on '{2}', the encoder of the {3} input; {4}");

    /// <summary>SSL037. {0}.{1}: the argument; {2}: its value.</summary>
    public static readonly DiagnosticDescriptor ClipTemperatureOutOfRange = Error(
        "SSL037", "CLIP temperature out of range",
        "{0}.{1} is {2}, but the initial temperature of a learned logit scale must lie in [0.01, 1]: below 0.01 the scale 1 / T starts above CLIP's clamp at 100, above 1 the cosine logits are too flat to learn from; CLIP starts at 0.07");

    /// <summary>SSL038. {0}: the attribute as written; {1}: why it does not belong; {2}: what to do.</summary>
    public static readonly DiagnosticDescriptor MultimodalMisplaced = Error(
        "SSL038", "Declaration does not fit a multimodal or single-input task",
        "{0} {1}; {2}");

    /// <summary>SSL040. {0}: the patch size; {1}x{2}: the image; {3}: a patch size that divides it.</summary>
    public static readonly DiagnosticDescriptor VitPatchDoesNotTile = Error(
        "SSL040", "ViT patches do not tile the image",
        "Backbone.PatchSize is {0}, which does not divide the {1}x{2} image into whole patches: a Vision Transformer embeds every patch as one token, so its side must divide both sides of the image; use {3}");

    /// <summary>SSL041. {0}: the heads; {1}: the width; {2}: a divisor of the width.</summary>
    public static readonly DiagnosticDescriptor VitHeadsDoNotDivideWidth = Error(
        "SSL041", "ViT width is not a multiple of the attention heads",
        "Backbone.Heads is {0}, which does not divide Backbone.Width ({1}): a Vision Transformer's attention splits the token width evenly across heads; use a divisor of {1}, e.g. {2}");

    /// <summary>SSL042. {0}: the width; {1}: the nearest valid width.</summary>
    public static readonly DiagnosticDescriptor VitSinCosWidth = Error(
        "SSL042", "ViT sine-cosine positions need a width that is a multiple of 4",
        "Backbone.Width is {0}, but the fixed 2-D sine-cosine position embedding gives a quarter of the width to each of sin(row), cos(row), sin(column), cos(column), so the width must be a multiple of 4; use Width = {1}, or set LearnedPositions = true");

    /// <summary>SSL043. {0}: the mask's patch size; {1}: the ViT's.</summary>
    public static readonly DiagnosticDescriptor MaePatchMismatch = Error(
        "SSL043", "MAE's mask patches are not the ViT's patches",
        "PatchMask.PatchSize is {0}, but the Vision Transformer's patches are {1}x{1}: MAE on a ViT drops whole tokens, so the mask must hide the ViT's own patches; set PatchMask.PatchSize = {1}");

    /// <summary>SSL044. {0}: the whole message (which part of MAE's encoder-decoder does not fit, and what to do).</summary>
    public static readonly DiagnosticDescriptor MaeDecoderInvalid = Error(
        "SSL044", "MAE on a ViT: the visible patches or the decoder do not fit",
        "{0}");

    /// <summary>SSL045. {0}: the task; {1}: the maskings, in order; {2}: the one kept.</summary>
    public static readonly DiagnosticDescriptor TwoTokenMaskings = Error(
        "SSL045", "More than one token masking",
        "Task '{0}' declares {1}, but a text task masks its tokens one way: the objective reads one masked batch, so only {2} would apply; keep one of them");

    /// <summary>SSL046. {0}: the objective; {1}: the task; {2}: what does not fit; {3}: what to do.</summary>
    public static readonly DiagnosticDescriptor MaskingObjectiveMismatch = Error(
        "SSL046", "Token masking does not fit the text objective",
        "{0} on task '{1}' {2}; {3}");

    /// <summary>SSL047. {0}: the sentinels needed; {1}: MaxLength; {2}, {3}: the sentinel ids; {4}: the special token; {5}: its id; {6}: the smallest VocabSize.</summary>
    public static readonly DiagnosticDescriptor SentinelsReachSpecialIds = Error(
        "SSL047", "Span corruption sentinels overlap the special tokens",
        "SpanCorruption needs up to {0} sentinels for sequences of TextInput.MaxLength = {1}, the top ids {2} to {3} of the vocabulary, but they reach TextInput.{4} ({5}); reserve the sentinels above the tokenizer's ids: VocabSize must be at least {6}");

    /// <summary>SSL048. {0}: the heads; {1}: the encoder's output width; {2}: a divisor to use.</summary>
    public static readonly DiagnosticDescriptor DecoderHeadsInvalid = Error(
        "SSL048", "Span decoder heads do not divide the encoder width",
        "SpanCorruptionLoss.Heads is {0}, but the decoder is as wide as the encoder's output ({1}) and splits it evenly between its attention heads; set Heads to a divisor of {1}, e.g. {2}");

    /// <summary>SSL049. {0}: the task; {1}: the encoder as declared; {2}: what to do.</summary>
    public static readonly DiagnosticDescriptor Ts2VecNeedsTimestampEncoder = Error(
        "SSL049", "TS2Vec needs an encoder with a representation per time step",
        "Ts2VecLoss on task '{0}' contrasts the encoder's states step by step, but {1} pools the time axis away; {2}");

    /// <summary>SSL050. {0}: TemporalUnit; {1}: the shortest overlap 2^(TemporalUnit+1); {2}: the series length; {3}: the largest TemporalUnit that fits.</summary>
    public static readonly DiagnosticDescriptor Ts2VecCropTooLong = Error(
        "SSL050", "TS2Vec's shortest crop is longer than the series",
        "Ts2VecLoss.TemporalUnit is {0}, so TS2Vec's two crops must share at least 2^(TemporalUnit+1) = {1} steps, but the series has TimeSeriesInput.Length = {2}; set TemporalUnit to at most {3}");

    /// <summary>SSL051. {0}: MaxSegments; {1}: the series length; {2}: why it does not fit; {3}: the nearest valid value.</summary>
    public static readonly DiagnosticDescriptor SegmentCountInvalid = Error(
        "SSL051", "Segment permutation with an impossible number of segments",
        "SegmentPermutation.MaxSegments is {0}, but it must be from 2 to the series length (TimeSeriesInput.Length = {1}): {2}; set it to {3}");

    /// <summary>SSL052. {0}: the attribute; {1}: the task; {2}: what is missing; {3}: what to do.</summary>
    public static readonly DiagnosticDescriptor VimeMaskObjectiveMismatch = Error(
        "SSL052", "VIME's mask and objective are not declared together",
        "{0} on task '{1}' {2}; {3}");

    /// <summary>SSL053. {0}: the task; {1}: why its columns are not known; {2}: what to do.</summary>
    public static readonly DiagnosticDescriptor VimeColumnsUnknown = Error(
        "SSL053", "VIME cannot lay out the table's columns",
        "VIME on task '{0}' masks and reconstructs whole columns, so the declaration must fix them, but {1}; {2}");

    /// <summary>SSL054. {0}: the task; {1}: what is wrong with its [VimeMask]; {2}: what to do.</summary>
    public static readonly DiagnosticDescriptor VimeMaskIneffective = Error(
        "SSL054", "VIME's corruption is declared twice or never applies",
        "Task '{0}' {1}; {2}");
}
