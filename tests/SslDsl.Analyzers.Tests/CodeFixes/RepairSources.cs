using System.Threading.Tasks;
using SslDsl.Analyzers.CodeFixes;

namespace SslDsl.Analyzers.Tests;

/// <summary>The declarations the repair tests start from, and how they check a repair.</summary>
internal static class RepairSources
{
    /// <summary>A valid SimCLR task on 28x28 grayscale images, without a projection head (task "t").</summary>
    public const string SimClr = """
        [PretextTask("t")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [Views(2)]
        [RandomResizedCrop(MinScale = 0.3)]
        [NtXentLoss]
        """;

    /// <summary>A valid BERT task on byte ids with a built-in transformer (task "t"; no encoder member needed).</summary>
    public const string Bert = """
        [PretextTask("t")]
        [TextInput(MaxLength = 32, VocabSize = 1000)]
        [Backbone(BackboneKind.TransformerEncoder, Width = 64, OutputDim = 64)]
        [MaskTokens(ReplaceWithMask = 0.8, ReplaceWithRandom = 0.1)]
        [MaskedTokenLoss]
        """;

    /// <summary>
    /// Applies the repair with <paramref name="key"/> (the first one when null) to <paramref name="wrong"/>, expects
    /// <paramref name="fixedSource"/> and the action title <paramref name="title"/>; Fix All runs in every scope too.
    /// </summary>
    public static Task Verify(string wrong, string fixedSource, string? key, string title) =>
        CodeFixTest<RepairCodeFixProvider>.VerifyAsync(wrong, fixedSource, key, title);
}
