using System;
using System.Globalization;
using System.IO;
using SslDsl;
using SslDsl.Bench.Data;

// Data-loading benchmarks of docs/benchmarks.md ("Streaming data"). Commands:
//   make-flat DIR COUNT           write COUNT Fashion-MNIST PNGs (the first 50,000 training images, repeated) into one flat folder
//   decoders DIR C SIZE [LIMIT]   SkiaSharp against ImageSharp: decode + resize to CxSIZExSIZE, images/s on one thread
//   loader DIR [LIMIT] [STEPS]    images/s delivered with 0, 1, 2 decoding threads against what the training step consumes
//   memory DIR [WORKERS] [EPOCHS] resident memory over epochs of a flat folder, and time to the first batch
if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: SslDsl.Bench.Data (make-flat DIR COUNT | decoders DIR CHANNELS SIZE [LIMIT] | loader DIR [LIMIT] [STEPS] | memory DIR [WORKERS] [EPOCHS])");
    return 2;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
try
{
    switch (args[0])
    {
        case "make-flat":
            int count = Arg(2, 200_000);
            int copies = (count + 49_999) / 50_000;
            using (var train = FashionMnist.Load(FashionMnistSplit.Train, limit: count / copies))
            {
                long written = ImageFolderExport.WritePng(train, args[1], byClass: false, copies: copies);
                Console.WriteLine($"Wrote {written} PNGs into {Path.GetFullPath(args[1])}.");
            }

            break;
        case "decoders":
            DecoderComparison.Run(args[1], Arg(2, 3), Arg(3, 64), Arg(4, int.MaxValue), repeats: 7);
            break;
        case "loader":
            LoaderThroughput.Run(args[1], Arg(2, 20_000), Arg(3, 20));
            break;
        case "memory":
            MemoryOverAnEpoch.Run(args[1], Arg(2, 2), Arg(3, 2));
            break;
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            return 2;
    }
}
catch (FormatException)
{
    Console.Error.WriteLine($"The numbers after '{args[0]}' must be whole numbers; got '{string.Join(" ", args[1..])}'.");
    return 2;
}
catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or DatasetFormatException)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

return 0;
