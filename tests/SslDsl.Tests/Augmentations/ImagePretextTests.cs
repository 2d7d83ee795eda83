using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static SslDsl.Tests.Augmentations.TestTensors;

namespace SslDsl.Tests.Augmentations;

/// <summary>Rotation, jigsaw and relative-patch pretexts against loop-computed expectations.</summary>
public class ImagePretextTests
{
    /// <summary>One counter-clockwise quarter turn of an [C,n,n] image: out[i][j] = in[j][n-1-i].</summary>
    private static float[] QuarterTurn(float[] img, int c, int n)
    {
        var o = new float[img.Length];
        for (int ch = 0; ch < c; ch++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    o[(ch * n + i) * n + j] = img[(ch * n + j) * n + (n - 1 - i)];
                }
            }
        }

        return o;
    }

    [Fact]
    public void QuarterTurnHelperIsCounterClockwise()
    {
        // [[1,2],[3,4]] turned counter-clockwise is [[2,4],[1,3]].
        Assert.Equal(new float[] { 2, 4, 1, 3 }, QuarterTurn(new float[] { 1, 2, 3, 4 }, 1, 2));
    }

    [Fact]
    public void FourRotationLabelsMatchTheRotationApplied()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(1, 24, 2, 4, 4);
        using var g = Gen(100);
        var (images, labels) = ImagePretext.Rotations(x, angles: 4, generator: g);
        Assert.Equal(x.shape, images.shape);
        Assert.Equal(ScalarType.Int64, labels.dtype);
        Assert.Equal(new long[] { 24 }, labels.shape);
        var l = Longs(labels);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, l.Distinct().OrderBy(v => v).ToArray());
        for (int i = 0; i < 24; i++)
        {
            var expected = Sample(x, i);
            for (int k = 0; k < l[i]; k++)
            {
                expected = QuarterTurn(expected, 2, 4);
            }

            Assert.Equal(expected, Sample(images, i));   // exact: rot90 moves values, no interpolation
        }
    }

    [Fact]
    public void TwoRotationsTurnNonSquareImagesByHalfTurns()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(2, 16, 1, 3, 5);
        using var g = Gen(101);
        var (images, labels) = ImagePretext.Rotations(x, angles: 2, generator: g);
        var l = Longs(labels);
        Assert.Equal(new long[] { 0, 1 }, l.Distinct().OrderBy(v => v).ToArray());
        for (int i = 0; i < 16; i++)
        {
            var s = Sample(x, i);
            // 180 degrees: out[r][c] = in[H-1-r][W-1-c], i.e. the reversed pixel list of a single channel.
            var expected = l[i] == 1 ? s.Reverse().ToArray() : s;
            Assert.Equal(expected, Sample(images, i));
        }
    }

    [Fact]
    public void RotationsRejectBadAngleCountsAndNonSquareQuarterTurns()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImagePretext.Rotations(torch.rand(1, 1, 4, 4), 3, g));
        Assert.Equal("angles", e.ParamName);
        var s = Assert.Throws<ArgumentException>(() => ImagePretext.Rotations(torch.rand(1, 1, 4, 6), 4, g));
        Assert.Contains("square", s.Message);
    }

    [Fact]
    public void RotationsAreDeterministicForASeed()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(3, 16, 1, 4, 4);
        using var g1 = Gen(4);
        using var g2 = Gen(4);
        using var g3 = Gen(5);
        var a = ImagePretext.Rotations(x, 4, g1).Labels;
        Assert.Equal(Longs(a), Longs(ImagePretext.Rotations(x, 4, g2).Labels));
        Assert.NotEqual(Longs(a), Longs(ImagePretext.Rotations(x, 4, g3).Labels));
    }

    private static int Hamming(long[] a, long[] b) => a.Zip(b).Count(t => t.First != t.Second);

    private static int MinHamming(JigsawPermutations set)
    {
        int min = int.MaxValue;
        for (int i = 0; i < set.Count; i++)
        {
            for (int j = i + 1; j < set.Count; j++)
            {
                min = Math.Min(min, Hamming(set[i], set[j]));
            }
        }

        return min;
    }

    [Fact]
    public void JigsawPermutationsAreValidDistinctAndDeterministic()
    {
        var a = JigsawPermutations.Create(grid: 2, count: 10, seed: 7);
        var b = JigsawPermutations.Create(grid: 2, count: 10, seed: 7);
        var c = JigsawPermutations.Create(grid: 2, count: 10, seed: 8);
        Assert.Equal(10, a.Count);
        Assert.Equal(4, a.Tiles);
        var keys = Enumerable.Range(0, a.Count).Select(i => string.Join(",", a[i])).ToArray();
        Assert.Equal(a.Count, keys.Distinct().Count());
        Assert.All(Enumerable.Range(0, a.Count), i => Assert.Equal(new long[] { 0, 1, 2, 3 }, a[i].OrderBy(v => v).ToArray()));
        Assert.All(Enumerable.Range(0, a.Count), i => Assert.Equal(a[i], b[i]));
        Assert.NotEqual(keys, Enumerable.Range(0, c.Count).Select(i => string.Join(",", c[i])).ToArray());
        Assert.True(MinHamming(a) > 0);
    }

    /// <summary>
    /// Up to n = Grid² permutations the greedy choice always finds a candidate at full distance n from all chosen
    /// ones: after k rows of a Latin square each position forbids k values and each value is forbidden at k
    /// positions, so the allowed (position, value) pairs form an (n-k)-regular bipartite graph, which has a perfect
    /// matching (Hall). A maximal-minimum-distance greedy therefore builds a Latin square.
    /// </summary>
    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 9)]
    public void GreedyChoiceReachesFullHammingDistanceWhileALatinSquareFits(int grid, int count)
    {
        var set = JigsawPermutations.Create(grid, count, seed: 3);
        Assert.Equal(grid * grid, MinHamming(set));
    }

    [Fact]
    public void AllPermutationsOfFourTilesCanBeChosen()
    {
        var set = JigsawPermutations.Create(2, 24, seed: 1);
        Assert.Equal(24, Enumerable.Range(0, 24).Select(i => string.Join(",", set[i])).Distinct().Count());
        Assert.Equal(2, MinHamming(set));   // all 24 include permutations one transposition apart: distance exactly 2
        Assert.Throws<ArgumentOutOfRangeException>(() => JigsawPermutations.Create(2, 25, seed: 1));
    }

    [Fact]
    public void AsTensorHoldsThePermutationsRowByRow()
    {
        using var scope = torch.NewDisposeScope();
        var set = JigsawPermutations.Create(2, 5, seed: 2);
        var t = set.AsTensor();
        Assert.Equal(new long[] { 5, 4 }, t.shape);
        Assert.Equal(ScalarType.Int64, t.dtype);
        Assert.Equal(Enumerable.Range(0, 5).SelectMany(i => set[i]).ToArray(), Longs(t));
    }

    [Fact]
    public void IndexerReturnsACopy()
    {
        var set = JigsawPermutations.Create(2, 2, seed: 2);
        var first = set[0];
        first[0] = 99;
        Assert.NotEqual(99, set[0][0]);
    }

    [Fact]
    public void JigsawWithIdentityPermutationReturnsInput()
    {
        using var scope = torch.NewDisposeScope();
        var x = Rand(4, 3, 2, 6, 6);
        using var g = Gen(102);
        var (images, labels) = ImagePretext.Jigsaw(x, 3, JigsawPermutations.Of(3, Enumerable.Range(0, 9).Select(v => (long)v).ToArray()), g);
        Assert.True(Same(x, images));
        Assert.Equal(new long[] { 0, 0, 0 }, Longs(labels));
    }

    [Fact]
    public void JigsawSwapsHandWrittenTiles()
    {
        using var scope = torch.NewDisposeScope();
        // 2x2 image, 1-pixel tiles a b / c d with permutation [1,0,3,2] -> b a / d c.
        var x = torch.tensor(new float[] { 0.1f, 0.2f, 0.3f, 0.4f }, new long[] { 1, 1, 2, 2 });
        using var g = Gen(1);
        var (images, _) = ImagePretext.Jigsaw(x, 2, JigsawPermutations.Of(2, new long[] { 1, 0, 3, 2 }), g);
        Assert.Equal(new float[] { 0.2f, 0.1f, 0.4f, 0.3f }, Data(images));
    }

    [Fact]
    public void JigsawPlacesInputTilePermLabelTAtOutputTileT()
    {
        using var scope = torch.NewDisposeScope();
        const int grid = 2, c = 2, h = 4, w = 6, th = h / grid, tw = w / grid;
        var x = Rand(5, 12, c, h, w);
        var set = JigsawPermutations.Create(grid, 24, seed: 4);
        using var g = Gen(103);
        var (images, labels) = ImagePretext.Jigsaw(x, grid, set, g);
        var l = Longs(labels);
        Assert.All(l, v => Assert.InRange(v, 0, 23));
        for (int i = 0; i < 12; i++)
        {
            var src = Sample(x, i);
            var expected = new float[src.Length];
            var perm = set[(int)l[i]];
            for (int t = 0; t < grid * grid; t++)
            {
                int from = (int)perm[t];
                for (int ch = 0; ch < c; ch++)
                {
                    for (int dy = 0; dy < th; dy++)
                    {
                        for (int dx = 0; dx < tw; dx++)
                        {
                            int outY = t / grid * th + dy, outX = t % grid * tw + dx;
                            int inY = from / grid * th + dy, inX = from % grid * tw + dx;
                            expected[(ch * h + outY) * w + outX] = src[(ch * h + inY) * w + inX];
                        }
                    }
                }
            }

            Assert.Equal(expected, Sample(images, i));
        }
    }

    [Fact]
    public void JigsawRejectsMismatchedGridOrIndivisibleImage()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var set = JigsawPermutations.Create(2, 4, seed: 1);
        Assert.Throws<ArgumentException>(() => ImagePretext.Jigsaw(torch.rand(1, 1, 6, 6), 3, set, g));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImagePretext.Jigsaw(torch.rand(1, 1, 5, 6), 2, set, g));
        Assert.Equal("grid", e.ParamName);
    }

    [Fact]
    public void JigsawPermutationsOfRejectsNonPermutations()
    {
        Assert.Throws<ArgumentException>(() => JigsawPermutations.Of(2, new long[] { 0, 1, 1, 3 }));
        Assert.Throws<ArgumentException>(() => JigsawPermutations.Of(2, new long[] { 0, 1, 2, 3 }, new long[] { 0, 1, 2, 3 }));
    }

    [Fact]
    public void RelativePatchLabelsNameTheNeighboursPosition()
    {
        using var scope = torch.NewDisposeScope();
        const int c = 2, h = 6, w = 9, th = 2, tw = 3;
        var x = Rand(6, 32, c, h, w);
        using var g = Gen(104);
        var (center, neighbour, labels) = ImagePretext.RelativePatches(x, 3, g);
        Assert.Equal(new long[] { 32, c, th, tw }, center.shape);
        Assert.Equal(new long[] { 32, c, th, tw }, neighbour.shape);
        var l = Longs(labels);
        Assert.Equal(Enumerable.Range(0, 8).Select(v => (long)v).ToArray(), l.Distinct().OrderBy(v => v).ToArray());
        // label -> (row, column) of the neighbour in the 3x3 grid, reading order skipping the centre (1,1).
        var position = new (int Row, int Col)[] { (0, 0), (0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2) };
        float[] Tile(float[] img, int row, int col)
        {
            var tile = new List<float>();
            for (int ch = 0; ch < c; ch++)
            {
                for (int dy = 0; dy < th; dy++)
                {
                    for (int dx = 0; dx < tw; dx++)
                    {
                        tile.Add(img[(ch * h + row * th + dy) * w + col * tw + dx]);
                    }
                }
            }

            return tile.ToArray();
        }

        for (int i = 0; i < 32; i++)
        {
            var img = Sample(x, i);
            Assert.Equal(Tile(img, 1, 1), Sample(center, i));
            var (row, col) = position[l[i]];
            Assert.Equal(Tile(img, row, col), Sample(neighbour, i));
        }
    }

    [Fact]
    public void RelativePatchesNeedAThreeByThreeGrid()
    {
        using var scope = torch.NewDisposeScope();
        using var g = Gen(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImagePretext.RelativePatches(torch.rand(1, 1, 8, 8), 2, g));
        Assert.Equal("grid", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImagePretext.RelativePatches(torch.rand(1, 1, 8, 9), 3, g));
    }
}
