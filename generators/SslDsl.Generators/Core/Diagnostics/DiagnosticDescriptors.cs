using Microsoft.CodeAnalysis;

namespace SslDsl.Generators;

/// <summary>
/// The diagnostic catalogue (../shared/design/DSL.md section 3). IDs and severities are part of
/// the public contract. Each message names what was found and what to do; docs/diagnostics.md
/// shows a wrong and a fixed example for every ID.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SslDsl";
    private const string HelpBase = "https://github.com/SslDsl/SslDsl/blob/main/docs/diagnostics.md#";

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "SSL001", "Task class must be partial",
        "Task class '{0}' must be declared 'partial' (with every enclosing type) so the generator can add Model, Pipeline, Trainer and FineTuner to it");

    public static readonly DiagnosticDescriptor NoEncoder = Error(
        "SSL002", "Task has no encoder",
        "Task '{0}' has no encoder: add a static member marked [Encoder(OutputDim = n)] returning nn.Module<Tensor, Tensor>, or [Backbone(BackboneKind.X)] on the class");

    public static readonly DiagnosticDescriptor MultipleEncoders = Error(
        "SSL003", "Task has more than one encoder",
        "Task '{0}' declares {1} encoders ({2}); keep exactly one [Encoder] member or one [Backbone]");

    public static readonly DiagnosticDescriptor InvalidEncoderMember = Error(
        "SSL004", "Encoder member has the wrong shape",
        "[Encoder] member '{0}' {1}; it must be a static parameterless method or property returning nn.Module<Tensor, Tensor>");

    public static readonly DiagnosticDescriptor InputCount = Error(
        "SSL005", "Task needs exactly one input declaration",
        "Task '{0}' {1}; declare exactly one of [ImageInput], [TextInput], [TabularInput] or [TimeSeriesInput]");

    public static readonly DiagnosticDescriptor NoObjective = Error(
        "SSL006", "Task has no objective",
        "Task '{0}' declares no objective; add at least one, e.g. [NtXentLoss], [ReconstructionLoss] or [MaskedTokenLoss]");

    public static readonly DiagnosticDescriptor ProbabilityOutOfRange = Error(
        "SSL007", "Probability, ratio or rate out of range",
        "{0}.{1} is {2}; it must be in {3}");

    public static readonly DiagnosticDescriptor TemperatureNotPositive = Error(
        "SSL008", "Temperature must be positive",
        "{0}.Temperature is {1}; it must be > 0 (0.1 to 0.5 is usual)");

    public static readonly DiagnosticDescriptor MomentumOutOfRange = Error(
        "SSL009", "Momentum out of range",
        "{0}.{1} is {2}; it must be in {3}");

    public static readonly DiagnosticDescriptor TooFewViews = Error(
        "SSL010", "Joint-embedding objective needs two views",
        "{0} compares views of each sample but task '{1}' draws {2}; add [Views(2)]");

    public static readonly DiagnosticDescriptor IdenticalViews = Warning(
        "SSL011", "Views are identical",
        "Task '{0}' draws {1} views but declares no random augmentation, so every view is the same and the objective is trivial; add augmentations such as [RandomResizedCrop] or [GaussianNoise]");

    public static readonly DiagnosticDescriptor IdentityReconstruction = Warning(
        "SSL012", "Reconstruction without corruption",
        "Task '{0}' reconstructs its input but applies no masking or noise, so the model can learn the identity; add [PatchMask], [BlockMask], [GaussianNoise] or another corruption");

    public static readonly DiagnosticDescriptor WrongModality = Error(
        "SSL013", "Attribute does not fit the input",
        "[{0}] works on {1} input, but task '{2}' declares [{3}]; remove it or use an equivalent for this input");

    public static readonly DiagnosticDescriptor ColorOnGrayscale = Warning(
        "SSL014", "Colour jitter on a single-channel image",
        "ColorJitter.{0} is {1} but the input has 1 channel, so it does nothing; remove it or set it to 0");

    public static readonly DiagnosticDescriptor ShapeMismatch = Error(
        "SSL015", "Shapes do not fit",
        "{0}");

    public static readonly DiagnosticDescriptor DimensionMismatch = Error(
        "SSL016", "Head or encoder dimension is invalid",
        "{0}");

    public static readonly DiagnosticDescriptor ByolIncomplete = Error(
        "SSL017", "ByolLoss needs a momentum encoder and a predictor",
        "ByolLoss on task '{0}' needs {1}; add it");

    public static readonly DiagnosticDescriptor QueueInvalid = Error(
        "SSL018", "Negative queue misconfigured",
        "{0}");

    public static readonly DiagnosticDescriptor MultiTaskInvalid = Error(
        "SSL019", "Multi-task member is invalid",
        "{0}");

    public static readonly DiagnosticDescriptor WeightNotPositive = Error(
        "SSL020", "Objective weight must be positive",
        "{0}.Weight is {1}; it must be > 0 (remove the objective to disable it)");

    public static readonly DiagnosticDescriptor FineTuneInvalid = Error(
        "SSL021", "Fine-tune configuration is invalid",
        "{0}");

    public static readonly DiagnosticDescriptor MaskSplitTooLarge = Error(
        "SSL022", "MaskTokens replacement fractions exceed 1",
        "MaskTokens.ReplaceWithMask ({0}) + ReplaceWithRandom ({1}) = {2} exceeds 1; lower one of them (BERT uses 0.8 and 0.1)");

    public static readonly DiagnosticDescriptor TextVocabularyInvalid = Error(
        "SSL023", "Text input vocabulary is invalid",
        "{0}");

    public static readonly DiagnosticDescriptor DuplicateTaskName = Error(
        "SSL024", "Duplicate task name",
        "Task name '{0}' is used by both '{1}' and '{2}'; task names must be unique in a compilation (they name checkpoints and outputs)");

    public static readonly DiagnosticDescriptor TrainingValueOutOfRange = Error(
        "SSL025", "Training value out of range",
        "{0}.{1} is {2}; it must be {3}");

    public static readonly DiagnosticDescriptor StrengthOutOfRange = Error(
        "SSL026", "Augmentation or loss parameter out of range",
        "{0}.{1} is {2}; it must be {3}");
}
