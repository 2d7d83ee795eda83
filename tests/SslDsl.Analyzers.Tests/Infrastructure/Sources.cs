namespace SslDsl.Analyzers.Tests;

/// <summary>Builds test sources: task declarations over the real runtime attributes.</summary>
internal static class Sources
{
    /// <summary>The usings every task file starts with.</summary>
    public const string Usings = """
        using SslDsl;
        using TorchSharp;
        using static TorchSharp.torch;

        """;

    /// <summary>A valid [Encoder] member returning a 128-wide representation.</summary>
    public const string Encoder = """
            [Encoder(OutputDim = 128)]
            static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);

        """;

    /// <summary>The attributes of a valid SimCLR task on 28x28 grayscale images (name "t").</summary>
    public const string SimClr = """
        [PretextTask("t")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [Views(2)]
        [RandomResizedCrop(MinScale = 0.3)]
        [HorizontalFlip(P = 0.5)]
        [ProjectionHead(Hidden = 256, Output = 128)]
        [NtXentLoss(Temperature = 0.5)]
        """;

    /// <summary>A file with one task class <paramref name="name"/> carrying <paramref name="attributes"/>.</summary>
    public static string Task(string attributes, string members = Encoder, string name = "T", string modifiers = "public partial") =>
        Usings + attributes.TrimEnd() + "\n" + modifiers + " class " + name + "\n{\n" + members + "}\n";

    /// <summary>A valid SimCLR task file with <paramref name="extra"/> attributes appended.</summary>
    public static string SimClrWith(string extra, string members = Encoder, string name = "T") =>
        Task(SimClr + "\n" + extra, members, name);
}
