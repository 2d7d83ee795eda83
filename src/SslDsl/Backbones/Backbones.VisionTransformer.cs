namespace SslDsl;

public static partial class Backbones
{
    /// <summary>
    /// A Vision Transformer for images [B, <paramref name="inChannels"/>, <paramref name="imageHeight"/>, <paramref name="imageWidth"/>]:
    /// <paramref name="patchSize"/>² patches embedded by a strided convolution, a fixed 2-D sine-cosine position embedding
    /// (or a learned one with <paramref name="learnedPositions"/>), a CLS token, <paramref name="depth"/> pre-norm blocks of
    /// <paramref name="heads"/> heads, a final LayerNorm; the CLS state, projected to <paramref name="outputDim"/> unless
    /// that is the width, is the representation. See <see cref="SslDsl.VisionTransformer"/>.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">A size is not positive, the patch does not tile the image, the width is not a multiple of the heads, or (sine-cosine positions) of 4.</exception>
    public static VisionTransformer VisionTransformer(int inChannels, int imageHeight, int imageWidth, int patchSize = 4, int width = 64, int outputDim = 64, int depth = 4, int heads = 4, bool learnedPositions = false) =>
        new(inChannels, imageHeight, imageWidth, patchSize, width, outputDim, depth, heads, learnedPositions);
}
