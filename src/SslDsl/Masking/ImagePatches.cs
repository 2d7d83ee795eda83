using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Images as sequences of flattened square patches (MAE's patchify), in the row-major order a ViT reads them.</summary>
public static class ImagePatches
{
    /// <summary>
    /// Cuts images [B, C, H, W] into (H/p)·(W/p) patches of p·p·C values: [B, N, p·p·C], patches in row-major order,
    /// the values of a patch ordered by row, column, then channel (MAE's patchify).
    /// </summary>
    /// <exception cref="ArgumentException">The images are not [B, C, H, W] with H and W multiples of the patch size.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The patch size is not positive.</exception>
    public static Tensor Patchify(Tensor images, int patchSize)
    {
        const string op = nameof(Patchify);
        Guard.Image(op, images);
        Guard.Positive(op, patchSize);
        long b = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        if (h % patchSize != 0 || w % patchSize != 0)
        {
            throw new ArgumentException($"{op}: the images {Guard.Shape(images)} are not tiled by {patchSize}x{patchSize} patches; H and W must be multiples of the patch size.", nameof(patchSize));
        }

        long rows = h / patchSize, columns = w / patchSize;
        return images.reshape(b, c, rows, patchSize, columns, patchSize)
            .permute(0, 2, 4, 3, 5, 1)
            .reshape(b, rows * columns, (long)patchSize * patchSize * c);
    }

    /// <summary>The inverse of <see cref="Patchify"/>: [B, N, p·p·C] back to images [B, C, H, W].</summary>
    /// <exception cref="ArgumentException">The patches do not make a <paramref name="height"/> x <paramref name="width"/> image of <paramref name="channels"/> channels.</exception>
    public static Tensor Unpatchify(Tensor patches, int patchSize, int channels, int height, int width)
    {
        const string op = nameof(Unpatchify);
        Guard.Positive(op, patchSize);
        long rows = height / patchSize, columns = width / patchSize;
        Guard.Rank(op, patches, 3, "[B, N, p*p*C]");
        if (height % patchSize != 0 || width % patchSize != 0 || patches.shape[1] != rows * columns || patches.shape[2] != (long)patchSize * patchSize * channels)
        {
            throw new ArgumentException($"{op}: patches {Guard.Shape(patches)} do not make {channels}x{height}x{width} images of {patchSize}x{patchSize} patches.", nameof(patches));
        }

        return patches.reshape(patches.shape[0], rows, columns, patchSize, patchSize, channels)
            .permute(0, 5, 1, 3, 2, 4)
            .reshape(patches.shape[0], channels, height, width);
    }
}
