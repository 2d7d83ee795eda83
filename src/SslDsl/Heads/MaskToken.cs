using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// SimMIM's learned mask token for an encoder that sees whole images: hidden pixels take a learned
/// <c>channels</c> x <c>patchSize</c> x <c>patchSize</c> patch, tiled over the image on the patch grid, instead
/// of the 0 the mask leaves there. 0 is also an empty patch of a dark background (Fashion-MNIST's), so without a
/// token the encoder cannot tell a hidden patch from an empty one. A token in pixel space keeps the encoder's
/// input shape (a mask channel would change it, and the fine-tuned encoder's with it). The token starts at
/// N(0, 0.02²) as in SimMIM and MAE, and is stored flat (one dimension), so the optimizer does not decay it,
/// as SimMIM excludes its mask token from weight decay.
/// </summary>
public sealed class MaskToken : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Parameter token;

    /// <summary>Creates a token for images of <paramref name="channels"/> channels masked in <paramref name="patchSize"/>² patches.</summary>
    /// <param name="channels">Image channels C.</param>
    /// <param name="patchSize">The mask's patch side in pixels.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public MaskToken(int channels, int patchSize, string name = "mask_token")
        : base(name)
    {
        Guard.Positive(nameof(MaskToken), channels);
        Guard.Positive(nameof(MaskToken), patchSize);
        Channels = channels;
        PatchSize = patchSize;
        token = nn.Parameter(torch.randn((long)channels * patchSize * patchSize).mul_(0.02));
        RegisterComponents();
    }

    /// <summary>Image channels C.</summary>
    public int Channels { get; }

    /// <summary>The patch side in pixels.</summary>
    public int PatchSize { get; }

    /// <summary>The token as a patch, [C, patchSize, patchSize].</summary>
    public Tensor Patch => token.view(Channels, PatchSize, PatchSize);

    /// <summary>
    /// The images with every hidden pixel (mask 1) replaced by the token's pixel at the same place in its patch;
    /// visible pixels pass unchanged.
    /// </summary>
    /// <param name="input">Images [B, C, H, W], H and W multiples of the patch size.</param>
    /// <param name="mask">[B, 1, H, W] (or [B, C, H, W]), 1 where a pixel is hidden.</param>
    /// <exception cref="ArgumentException">The images are not [B, C, H, W] with C channels and H, W multiples of the patch size, or the mask does not broadcast to them.</exception>
    public override Tensor forward(Tensor input, Tensor mask)
    {
        const string op = nameof(MaskToken);
        Guard.Image(op, input);
        Guard.NotNull(op, mask);
        long height = input.shape[2], width = input.shape[3];
        if (input.shape[1] != Channels || height % PatchSize != 0 || width % PatchSize != 0)
        {
            throw new ArgumentException($"{op}: the images must be [B, {Channels}, H, W] with H and W multiples of {PatchSize}, but their shape is {Guard.Shape(input)}.", nameof(input));
        }

        Guard.BroadcastsTo(op, mask, input);
        using var scope = torch.NewDisposeScope();
        var tiled = Patch.repeat(1, height / PatchSize, width / PatchSize).unsqueeze(0).to(input.dtype);
        return torch.where(mask.to(ScalarType.Bool), tiled, input).MoveToOuterDisposeScope();
    }
}
