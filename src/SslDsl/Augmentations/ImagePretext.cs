using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Classification pretexts on image batches, float [B,C,H,W]: each returns the transformed batch and the
/// int64 labels [B] to predict. Labels are drawn per sample from the generator; the tensor work is batched.
/// </summary>
public static class ImagePretext
{
    /// <summary>
    /// Rotation prediction (Gidaris et al., 2018): label k is uniform in [0, <paramref name="angles"/>) and sample i is
    /// rotated counter-clockwise by k · 360 / angles degrees, exactly (rot90 over the H and W axes, no interpolation).
    /// </summary>
    /// <exception cref="ArgumentException">angles is not 2 or 4, 4 angles on non-square images, or a bad shape.</exception>
    public static (Tensor Images, Tensor Labels) Rotations(Tensor x, int angles, Generator generator)
    {
        const string op = nameof(Rotations);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        if (angles != 2 && angles != 4)
        {
            throw new ArgumentOutOfRangeException(nameof(angles), angles, $"{op}: angles must be 2 (0/180 degrees) or 4 (0/90/180/270 degrees).");
        }

        if (angles == 4 && x.shape[2] != x.shape[3])
        {
            throw new ArgumentException($"{op}: 4 rotation classes need square images (90-degree turns swap H and W) but the images are {x.shape[2]}x{x.shape[3]}; use angles = 2 or crop to a square.", nameof(x));
        }

        using var scope = torch.NewDisposeScope();
        var labels = torch.randint(0, angles, new[] { x.shape[0] }, dtype: ScalarType.Int64, device: x.device, generator: generator);
        int quarter = 4 / angles;
        var images = x;
        for (int k = 1; k < angles; k++)
        {
            var rotated = x.rot90(k * quarter, (2, 3));
            images = AugmentSampling.Select(labels.eq(k), rotated, images);
        }

        return (images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Jigsaw puzzle (Noroozi &amp; Favaro, 2016): the image is cut into <paramref name="grid"/>² tiles (reading order),
    /// each sample draws a label uniform in [0, permutations.Count) and is reassembled with output tile t taken from
    /// input tile <c>permutations[label][t]</c>, by one gather over the whole batch.
    /// </summary>
    /// <exception cref="ArgumentException">The grid does not match the permutations or does not divide H and W, or a bad shape.</exception>
    public static (Tensor Images, Tensor Labels) Jigsaw(Tensor x, int grid, JigsawPermutations permutations, Generator generator)
    {
        const string op = nameof(Jigsaw);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        if (permutations is null)
        {
            throw new ArgumentNullException(nameof(permutations), $"{op}: pass the fixed permutation set (JigsawPermutations.Create).");
        }

        if (permutations.Grid != grid)
        {
            throw new ArgumentException($"{op}: the permutations were made for a {permutations.Grid}x{permutations.Grid} grid but grid is {grid}.", nameof(permutations));
        }

        CheckGrid(x, grid, op);
        long b = x.shape[0];
        using var scope = torch.NewDisposeScope();
        var labels = torch.randint(0, permutations.Count, new[] { b }, dtype: ScalarType.Int64, device: x.device, generator: generator);
        var tiles = ToTiles(x, grid);                                        // [B, T, C, h, w]
        var order = permutations.AsTensor().to(x.device).index_select(0, labels); // [B, T]
        var index = order.view(b, grid * grid, 1, 1, 1).expand(tiles.shape);
        var shuffled = FromTiles(tiles.gather(1, index), grid);
        return (shuffled.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Relative patch position (Doersch et al., 2015): the image is cut into a 3x3 grid of tiles; per sample a label
    /// l uniform in [0, 8) names one of the 8 neighbours of the centre tile in reading order skipping the centre
    /// (0 top-left, 1 top, 2 top-right, 3 left, 4 right, 5 bottom-left, 6 bottom, 7 bottom-right). Returns the centre
    /// tile and that neighbour, each [B,C,H/3,W/3].
    /// </summary>
    /// <exception cref="ArgumentException">grid is not 3, 3 does not divide H and W, or a bad shape.</exception>
    public static (Tensor Center, Tensor Neighbour, Tensor Labels) RelativePatches(Tensor x, int grid, Generator generator)
    {
        const string op = nameof(RelativePatches);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        if (grid != 3)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), grid, $"{op}: grid must be 3 (a centre tile and its 8 neighbours).");
        }

        CheckGrid(x, grid, op);
        long b = x.shape[0];
        using var scope = torch.NewDisposeScope();
        var labels = torch.randint(0, 8, new[] { b }, dtype: ScalarType.Int64, device: x.device, generator: generator);
        var tiles = ToTiles(x, grid);                                        // [B, 9, C, h, w]
        var tile = labels + labels.ge(4).to(ScalarType.Int64);               // skip the centre (tile 4)
        var index = tile.view(b, 1, 1, 1, 1).expand(b, 1, tiles.shape[2], tiles.shape[3], tiles.shape[4]);
        var neighbour = tiles.gather(1, index).squeeze(1);
        var center = tiles.select(1, 4).contiguous();
        return (center.MoveToOuterDisposeScope(), neighbour.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    /// <summary>[B,C,H,W] to [B, grid², C, H/grid, W/grid], tiles in reading order.</summary>
    private static Tensor ToTiles(Tensor x, int grid)
    {
        long b = x.shape[0], c = x.shape[1], h = x.shape[2] / grid, w = x.shape[3] / grid;
        return x.reshape(b, c, grid, h, grid, w).permute(0, 2, 4, 1, 3, 5).reshape(b, grid * grid, c, h, w);
    }

    /// <summary>The inverse of <see cref="ToTiles"/>.</summary>
    private static Tensor FromTiles(Tensor tiles, int grid)
    {
        long b = tiles.shape[0], c = tiles.shape[2], h = tiles.shape[3], w = tiles.shape[4];
        return tiles.reshape(b, grid, grid, c, h, w).permute(0, 3, 1, 4, 2, 5).reshape(b, c, grid * h, grid * w);
    }

    private static void CheckGrid(Tensor x, int grid, string op)
    {
        if (grid < 1 || x.shape[2] % grid != 0 || x.shape[3] % grid != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), grid,
                $"{op}: grid must be a positive divisor of both the height and the width of the {x.shape[2]}x{x.shape[3]} images (crop or resize them first).");
        }
    }
}
