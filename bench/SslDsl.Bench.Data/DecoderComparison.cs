using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SslDsl;
using TorchSharp;

namespace SslDsl.Bench.Data;

/// <summary>
/// Decode-and-resize throughput on one thread of the two decoders served here: SkiaSharp (native libjpeg-turbo,
/// libpng, libwebp; through ImageFolder with no worker threads) and SixLabors.ImageSharp 2.1.13 (managed), doing
/// the same work per file: decode, cover-resize with a centre crop (bilinear), planar floats in [0, 1].
/// </summary>
internal static class DecoderComparison
{
    public static void Run(string folder, int channels, int size, int limit, int repeats)
    {
        var options = new ImageFolderOptions(channels, size, size) { ConvertChannels = true, MaxSkippedFiles = 1000, Log = TextWriter.Null, Loader = new DataLoaderOptions { Workers = 0 } };
        using var skia = ImageFolder.Unlabelled(folder, options, recursive: true);
        long count = Math.Min(skia.Count, limit);
        var files = Enumerable.Range(0, (int)count).Select(i => skia.PathOf(i)).ToArray();
        using var subset = skia.Slice(0, count);
        Console.WriteLine($"{count} files under {folder} ({string.Join(", ", files.GroupBy(f => Path.GetExtension(f).ToLowerInvariant()).Select(g => $"{g.Count()} {g.Key}"))}), to {channels}x{size}x{size}, {repeats} timed passes after one warm-up, 1 thread.");

        double SkiaPass()
        {
            var clock = Stopwatch.StartNew();
            BatchReading.Each(subset.Batches(new BatchRequest(64)), _ => { });

            return count / clock.Elapsed.TotalSeconds;
        }

        var target = new float[channels * size * size];
        double SharpPass()
        {
            var clock = Stopwatch.StartNew();
            foreach (var file in files)
            {
                try
                {
                    using var image = Image.Load<Rgb24>(file);
                    image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(size, size), Mode = ResizeMode.Crop, Sampler = KnownResamplers.Triangle }));
                    image.ProcessPixelRows(rows =>
                    {
                        int plane = size * size;
                        for (int y = 0; y < rows.Height; y++)
                        {
                            var row = rows.GetRowSpan(y);
                            for (int x = 0; x < row.Length; x++)
                            {
                                var p = row[x];
                                int at = (y * size) + x;
                                if (channels == 3)
                                {
                                    target[at] = p.R / 255f;
                                    target[plane + at] = p.G / 255f;
                                    target[(2 * plane) + at] = p.B / 255f;
                                }
                                else
                                {
                                    target[at] = ((0.299f * p.R) + (0.587f * p.G) + (0.114f * p.B)) / 255f;
                                }
                            }
                        }
                    });
                }
                catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException)
                {
                    // The truncated file: both decoders refuse it; SkiaSharp's pass skips it too.
                }
            }

            return count / clock.Elapsed.TotalSeconds;
        }

        SkiaPass();
        SharpPass();
        var skiaRates = new List<double>();
        var sharpRates = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            skiaRates.Add(SkiaPass());
            sharpRates.Add(SharpPass());
        }

        Console.WriteLine("| decoder | images/s (median) | all passes |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(Row("SkiaSharp 3.119.0", skiaRates));
        Console.WriteLine(Row("SixLabors.ImageSharp 2.1.13", sharpRates));
    }

    private static string Row(string name, List<double> rates) =>
        FormattableString.Invariant($"| {name} | {Median(rates):F0} | {string.Join(", ", rates.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} |");

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
