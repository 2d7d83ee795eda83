using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A Vision Transformer (ViT) for images [B, C, H, W] of one size: a patch embedding (a convolution whose kernel and
/// stride are the patch size) turns the image into N = (H/p)·(W/p) tokens, a position embedding is added (MAE's
/// fixed 2-D sine-cosine table, or a learned one), a learned CLS token is put in front, <c>depth</c> pre-norm blocks
/// (<see cref="PreNormEncoderLayer"/>) and a final LayerNorm follow; the representation is the CLS token's state,
/// projected to OutputDim when that differs from the width.
/// Top-level children: <c>patch_embedding</c>, <c>layer0</c> to <c>layer{depth-1}</c>, <c>head</c> (norm, projection),
/// so PartialUnfreeze can unfreeze the last blocks.
/// <see cref="EncodeVisible"/> is MAE's encoder pass: only the visible patches' tokens (and the CLS token) go through the blocks.
/// </summary>
public sealed class VisionTransformer : nn.Module<Tensor, Tensor>
{
    private const string ClsToken = "cls_token";
    private const string PositionsName = "positions";
    private readonly Conv2d _patchEmbedding;
    private readonly List<PreNormEncoderLayer> _layers = new();
    private readonly LayerNorm _norm;
    private readonly nn.Module<Tensor, Tensor> _projection;

    /// <summary>Creates the network; see <see cref="Backbones.VisionTransformer"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, the patch does not tile the image, the width is not a multiple of the heads, or (sine-cosine positions) of 4.</exception>
    public VisionTransformer(int inChannels, int imageHeight, int imageWidth, int patchSize, int width, int outputDim, int depth, int heads, bool learnedPositions = false, string name = "vit")
        : base(name)
    {
        const string op = nameof(Backbones.VisionTransformer);
        Guard.Positive(op, inChannels);
        Guard.Positive(op, imageHeight);
        Guard.Positive(op, imageWidth);
        Guard.Positive(op, patchSize);
        Guard.Positive(op, width);
        Guard.Positive(op, outputDim);
        Guard.Positive(op, depth);
        Guard.Positive(op, heads);
        if (imageHeight % patchSize != 0 || imageWidth % patchSize != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patchSize), patchSize, $"{op}: patchSize must divide the {imageHeight}x{imageWidth} image, but it is {patchSize}.");
        }

        if (width % heads != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(heads), heads, $"{op}: width {width} must be a multiple of heads {heads}.");
        }

        if (!learnedPositions && width % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"{op}: sine-cosine positions need a width that is a multiple of 4, but it is {width}; pass learnedPositions: true or another width.");
        }

        Rows = imageHeight / patchSize;
        Columns = imageWidth / patchSize;
        _patchEmbedding = nn.Conv2d(inChannels, width, patchSize, stride: patchSize);
        register_module("patch_embedding", _patchEmbedding);
        register_parameter(ClsToken, nn.Parameter(torch.randn(1, 1, width).mul_(0.02)));
        if (learnedPositions)
        {
            register_parameter(PositionsName, nn.Parameter(torch.randn(1, (long)Rows * Columns, width).mul_(0.02)));
        }
        else
        {
            register_buffer(PositionsName, SinCosPositions.Grid(Rows, Columns, width).unsqueeze(0), persistent: false);
        }

        for (int i = 0; i < depth; i++)
        {
            var layer = new PreNormEncoderLayer(width, heads);
            _layers.Add(layer);
            register_module($"layer{i}", layer);
        }

        _norm = nn.LayerNorm(width);
        _projection = outputDim == width ? nn.Identity() : nn.Linear(width, outputDim);
        register_module("head", nn.Sequential(("norm", _norm), ("projection", _projection)));

        InChannels = inChannels;
        ImageHeight = imageHeight;
        ImageWidth = imageWidth;
        PatchSize = patchSize;
        Width = width;
        OutputDim = outputDim;
        Depth = depth;
        Heads = heads;
        LearnedPositions = learnedPositions;
    }

    /// <summary>Image channels C.</summary>
    public int InChannels { get; }

    /// <summary>Image height H in pixels.</summary>
    public int ImageHeight { get; }

    /// <summary>Image width W in pixels.</summary>
    public int ImageWidth { get; }

    /// <summary>Patch side p in pixels.</summary>
    public int PatchSize { get; }

    /// <summary>Rows of the patch grid, H / p.</summary>
    public int Rows { get; }

    /// <summary>Columns of the patch grid, W / p.</summary>
    public int Columns { get; }

    /// <summary>Patches per image, N = Rows·Columns.</summary>
    public int Patches => Rows * Columns;

    /// <summary>Token width D.</summary>
    public int Width { get; }

    /// <summary>Width of the representation.</summary>
    public int OutputDim { get; }

    /// <summary>Number of blocks.</summary>
    public int Depth { get; }

    /// <summary>Attention heads per block.</summary>
    public int Heads { get; }

    /// <summary>Whether the position embedding is learned (else MAE's fixed sine-cosine table).</summary>
    public bool LearnedPositions { get; }

    /// <summary>The position embedding [1, N, D] (a parameter or a fixed buffer; looked up by name, so it follows the module to its device).</summary>
    public Tensor Positions => LearnedPositions ? get_parameter(PositionsName)! : get_buffer(PositionsName)!;

    /// <summary>The learned CLS token [1, 1, D].</summary>
    public Tensor Cls => get_parameter(ClsToken)!;

    /// <summary>The ViT inside <paramref name="encoder"/>, for MAE's encoder pass over the visible patches.</summary>
    /// <exception cref="InvalidOperationException">The encoder is not a <see cref="VisionTransformer"/>.</exception>
    public static VisionTransformer Of(nn.Module<Tensor, Tensor> encoder) =>
        encoder as VisionTransformer ?? throw new InvalidOperationException(
            $"MAE on a ViT drops the hidden patches, which needs a VisionTransformer encoder, but the model holds a {encoder?.GetType().Name ?? "null"}; build the model with Backbones.VisionTransformer, or declare a convolutional backbone (SimMIM-style masking).");

    /// <summary>Patch tokens with their position embedding, [B, N, D] in row-major patch order (no CLS token).</summary>
    /// <exception cref="ArgumentException">The images are not [B, C, H, W] of this network's size.</exception>
    public Tensor PatchTokens(Tensor images)
    {
        const string op = nameof(Backbones.VisionTransformer);
        Guard.Image(op, images);
        if (images.shape[1] != InChannels || images.shape[2] != ImageHeight || images.shape[3] != ImageWidth)
        {
            throw new ArgumentException($"{op}: images must be [B, {InChannels}, {ImageHeight}, {ImageWidth}], but their shape is {Guard.Shape(images)}.", nameof(images));
        }

        using var scope = torch.NewDisposeScope();
        var tokens = _patchEmbedding.call(images).flatten(2).transpose(1, 2);
        return tokens.add(Positions).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// MAE's encoder: the CLS token and the visible patches' tokens (<paramref name="keep"/>, long [B, K]) go through the
    /// blocks and the final norm; returns their states [B, 1 + K, D], CLS first. The hidden patches cost nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The images or the indices do not fit.</exception>
    public Tensor EncodeVisible(Tensor images, Tensor keep)
    {
        using var scope = torch.NewDisposeScope();
        var visible = PatchShuffle.Gather(PatchTokens(images), keep);
        return _norm.call(Blocks(visible)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The images are not [B, C, H, W] of this network's size.</exception>
    public override Tensor forward(Tensor images)
    {
        using var scope = torch.NewDisposeScope();
        var states = _norm.call(Blocks(PatchTokens(images)));
        return _projection.call(states.select(1, 0)).MoveToOuterDisposeScope();
    }

    /// <summary>The CLS token in front of <paramref name="tokens"/> [B, L, D], then every block: [B, 1 + L, D].</summary>
    private Tensor Blocks(Tensor tokens)
    {
        var x = torch.cat(new[] { Cls.expand(tokens.shape[0], 1, Width), tokens }, 1);
        return PreNormEncoderLayer.Unpadded(_layers, x);
    }
}
