using System;
using System.Collections.Generic;
using System.IO;
using SkiaSharp;
using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Tests.DataTests.Images;

/// <summary>Writes test images with SkiaSharp (PNG, JPEG, WebP) or by hand (BMP), from bytes the tests know.</summary>
internal static class ImageFiles
{
    /// <summary>Writes a grayscale PNG of <paramref name="width"/> x <paramref name="height"/> with the given bytes (row-major).</summary>
    public static string Gray(string path, int width, int height, byte[] values) =>
        Encode(path, new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), values, SKEncodedImageFormat.Png);

    /// <summary>Writes an RGB image (no alpha channel) of <paramref name="width"/> x <paramref name="height"/>; <paramref name="rgb"/> holds 3 bytes per pixel.</summary>
    public static string Colour(string path, int width, int height, byte[] rgb, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 100)
    {
        var rgba = new byte[width * height * 4];
        for (int i = 0; i < width * height; i++)
        {
            rgba[4 * i] = rgb[3 * i];
            rgba[(4 * i) + 1] = rgb[(3 * i) + 1];
            rgba[(4 * i) + 2] = rgb[(3 * i) + 2];
            rgba[(4 * i) + 3] = 255;
        }

        return Encode(path, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), rgba, format, quality);
    }

    /// <summary>Writes a 24-bit uncompressed BMP (SkiaSharp encodes no BMP); <paramref name="rgb"/> holds 3 bytes per pixel, top row first.</summary>
    public static string Bmp(string path, int width, int height, byte[] rgb)
    {
        int rowBytes = ((width * 3) + 3) & ~3;
        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream);
        w.Write((byte)'B');
        w.Write((byte)'M');
        w.Write(54 + (rowBytes * height));
        w.Write(0);
        w.Write(54);
        w.Write(40);
        w.Write(width);
        w.Write(height);
        w.Write((short)1);
        w.Write((short)24);
        w.Write(0);
        w.Write(rowBytes * height);
        w.Write(2835);
        w.Write(2835);
        w.Write(0);
        w.Write(0);
        for (int y = height - 1; y >= 0; y--)
        {
            for (int x = 0; x < width; x++)
            {
                int i = 3 * ((y * width) + x);
                w.Write(rgb[i + 2]);
                w.Write(rgb[i + 1]);
                w.Write(rgb[i]);
            }

            for (int p = width * 3; p < rowBytes; p++)
            {
                w.Write((byte)0);
            }
        }

        return path;
    }

    private static string Encode(string path, SKImageInfo info, byte[] pixels, SKEncodedImageFormat format, int quality = 100)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(info);
        pixels.CopyTo(bitmap.GetPixelSpan());
        using var data = bitmap.Encode(format, quality);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    /// <summary>
    /// Writes <paramref name="n"/> 1x8x8 grayscale PNGs under <paramref name="root"/>/&lt;label&gt;/&lt;index&gt;.png (labels
    /// alternate 0, 1; label 0 bright on top, label 1 at the bottom, as TinyData.Images) and returns the same images in
    /// memory, in the folder's order (class 0 first), with values byte / 255.
    /// </summary>
    public static Dataset<ImageBatch> TinyFolder(string root, int n, long seed)
    {
        var rng = new Random((int)seed);
        var byLabel = new List<(byte[] Pixels, long Label)>[] { new(), new() };
        for (int i = 0; i < n; i++)
        {
            int label = i % 2;
            var pixels = new byte[64];
            for (int p = 0; p < 64; p++)
            {
                bool bright = label == 0 ? p < 32 : p >= 32;
                pixels[p] = (byte)(rng.Next(0, 77) + (bright ? 178 : 0));
            }

            Gray(Path.Combine(root, label.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{i:D4}.png"), 8, 8, pixels);
            byLabel[label].Add((pixels, label));
        }

        var all = new List<float>();
        var labels = new List<long>();
        foreach (var group in byLabel)
        {
            foreach (var (pixels, label) in group)
            {
                foreach (var b in pixels)
                {
                    all.Add(b / 255f);
                }

                labels.Add(label);
            }
        }

        return new Dataset<ImageBatch>(new[] { torch.tensor(all.ToArray(), new long[] { n, 1, 8, 8 }) }, torch.tensor(labels.ToArray()), "tiny-memory");
    }

    /// <summary>Options for 1x8x8 folders decoded by <paramref name="workers"/> threads.</summary>
    public static ImageFolderOptions Tiny(int workers = 2, int maxSkipped = 0, TextWriter? log = null) =>
        new(1, 8, 8) { Loader = new DataLoaderOptions { Workers = workers, Prefetch = 3 }, MaxSkippedFiles = maxSkipped, Log = log ?? TextWriter.Null };

    /// <summary>Asserts that two sequences of batches hold bitwise-equal images and labels.</summary>
    public static void AssertSameBatches(IEnumerable<ImageBatch> expected, IEnumerable<ImageBatch> actual)
    {
        using var scope = torch.NewDisposeScope();
        using var e = expected.GetEnumerator();
        using var a = actual.GetEnumerator();
        int index = 0;
        while (e.MoveNext())
        {
            Xunit.Assert.True(a.MoveNext(), $"batch {index} is missing");
            Xunit.Assert.True(Training.TinyData.Same(e.Current.Images, a.Current.Images), $"the images of batch {index} differ");
            Xunit.Assert.True(Training.TinyData.Same(e.Current.Labels!, a.Current.Labels!), $"the labels of batch {index} differ");
            index++;
        }

        Xunit.Assert.False(a.MoveNext(), $"more than {index} batches");
    }
}
