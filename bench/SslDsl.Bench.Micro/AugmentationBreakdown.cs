using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using FashionSimClrSample;
using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.Micro;

/// <summary>
/// Time of each augmentation of FashionSimClr's pipeline (1x28x28 Fashion-MNIST) and RgbSimClr's
/// (3x32x32 random images) on a batch of 256 against 256 calls on one image, median of several
/// repetitions: shows which operation limits the batched speed-up.
/// </summary>
internal static class AugmentationBreakdown
{
    public static void Run(int repetitions)
    {
        using var generator = new Generator(42, torch.CPU);
        using (var gray = BenchData.FashionImages(256))
        {
            Run("1x28x28 Fashion-MNIST (FashionSimClr)", gray, repetitions, new (string, Func<Tensor, Tensor>)[]
            {
                ("RandomResizedCrop", x => ImageAugment.RandomResizedCrop(x, 0.4, 1.0, 0.75, 4.0 / 3.0, 1.0, generator)),
                ("HorizontalFlip", x => ImageAugment.HorizontalFlip(x, 0.5, generator)),
                ("ColorJitter", x => ImageAugment.ColorJitter(x, 0.6, 0.6, 0.0, 0.0, 0.8, generator)),
                ("RandomErasing", x => ImageAugment.RandomErasing(x, 0.0816, 0.0816, 0.25, generator)),
            });
        }

        using var rgb = BenchData.RandomRgbImages(256);
        Run("3x32x32 random colour images (RgbSimClr)", rgb, repetitions, new (string, Func<Tensor, Tensor>)[]
        {
            ("RandomResizedCrop", x => ImageAugment.RandomResizedCrop(x, 0.3, 1.0, 0.75, 4.0 / 3.0, 1.0, generator)),
            ("HorizontalFlip", x => ImageAugment.HorizontalFlip(x, 0.5, generator)),
            ("ColorJitter", x => ImageAugment.ColorJitter(x, 0.4, 0.4, 0.4, 0.1, 0.8, generator)),
            ("Grayscale", x => ImageAugment.Grayscale(x, 0.2, generator)),
            ("GaussianNoise", x => ImageAugment.GaussianNoise(x, 0.05, 0.5, generator)),
        });
    }

    private static void Run(string title, Tensor images, int repetitions, (string Name, Func<Tensor, Tensor> Apply)[] ops)
    {

        double Median(Func<double> measure) => Enumerable.Range(0, repetitions).Select(_ => measure()).OrderBy(t => t).ElementAt(repetitions / 2);

        double Batched(Func<Tensor, Tensor> op) => Median(() =>
        {
            using var scope = torch.NewDisposeScope();
            var clock = Stopwatch.StartNew();
            op(images);
            return clock.Elapsed.TotalMilliseconds;
        });

        double PerImage(Func<Tensor, Tensor> op) => Median(() =>
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < 256; i++)
            {
                using var scope = torch.NewDisposeScope();
                op(images.narrow(0, i, 1));
            }

            return clock.Elapsed.TotalMilliseconds;
        });

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"One view of 256 images, {title}, {torch.get_num_threads()} torch thread(s), median of {repetitions}:");
        Console.WriteLine("| operation | batch of 256 (ms) | 256 x batch of 1 (ms) | speed-up |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, op) in ops)
        {
            Batched(op);
            PerImage(op);
            double b = Batched(op), p = PerImage(op);
            Console.WriteLine(string.Create(c, $"| {name} | {b:F2} | {p:F2} | {p / b:F1}x |"));
        }
    }
}
