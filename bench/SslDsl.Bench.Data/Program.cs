using System;
using System.IO;
using SslDsl;
using SslDsl.Bench.Data;
using SslDslSamples;

// Data-loading benchmarks of docs/benchmarks.md ("Streaming data"), one command each:
//   make-flat DIR [COUNT]                    write COUNT Fashion-MNIST PNGs (the first 50,000 training images, repeated) into one flat folder
//   decoders DIR [CHANNELS] [SIZE] [LIMIT]   SkiaSharp against ImageSharp: decode + resize to CxSIZExSIZE, images/s on one thread
//   loader DIR [LIMIT] [STEPS]               images/s delivered with 0, 1, 2 decoding threads against what the training step consumes
//   memory DIR [WORKERS] [EPOCHS]            resident memory over epochs of a flat folder, and time to the first batch
// Options, --help and exit codes: the samples' command line (docs/samples.md).
return new SampleCommandSet("Data-loading benchmarks of docs/benchmarks.md (\"Streaming data\"). Run a command with --help for its arguments.")
    .Add(new SampleCommand<(string Folder, int Count)>("make-flat", "write COUNT Fashion-MNIST PNGs (the first 50,000 training images, repeated) into one flat folder", ("", 200_000))
        .Add(CliOptions.Required("dir", "the folder to write"), (o, v) => o with { Folder = v })
        .Add(CliOptions.AtLeast("count", "PNGs to write", 1, 200_000), (o, v) => o with { Count = v }),
        (o, _) => MakeFlat(o.Folder, o.Count))
    .Add(new SampleCommand<(string Folder, int Channels, int Size, int Limit)>("decoders", "SkiaSharp against ImageSharp: decode and resize to CHANNELSxSIZExSIZE, images/s on one thread", ("", 3, 64, int.MaxValue))
        .Add(CliOptions.Required("dir", "the folder of images (read recursively)"), (o, v) => o with { Folder = v })
        .Add(CliOptions.AtLeast("channels", "channels to decode to: 1 (grey) or 3 (RGB)", 1, 3), (o, v) => o with { Channels = v })
        .Add(CliOptions.AtLeast("size", "height and width to resize to", 1, 64), (o, v) => o with { Size = v })
        .Add(CliOptions.AtLeast("limit", "decode at most the first N files", 1, int.MaxValue), (o, v) => o with { Limit = v }),
        (o, _) => Done(() => DecoderComparison.Run(o.Folder, o.Channels, o.Size, o.Limit, repeats: 7)))
    .Add(new SampleCommand<(string Folder, int Limit, int Steps)>("loader", "images/s delivered with 0, 1 and 2 decoding threads against what the training step consumes", ("", 20_000, 20))
        .Add(CliOptions.Required("dir", "the folder of 1x28x28 PNGs"), (o, v) => o with { Folder = v })
        .Add(CliOptions.AtLeast("limit", "images read per pass", 1, 20_000), (o, v) => o with { Limit = v })
        .Add(CliOptions.AtLeast("steps", "training steps timed", 1, 20), (o, v) => o with { Steps = v }),
        (o, _) => Done(() => LoaderThroughput.Run(o.Folder, o.Limit, o.Steps)))
    .Add(new SampleCommand<(string Folder, int Workers, int Epochs)>("memory", "resident memory over epochs of a flat folder, and the time to the first batch", ("", 2, 2))
        .Add(CliOptions.Required("dir", "the flat folder (make-flat writes one)"), (o, v) => o with { Folder = v })
        .Add(CliOptions.AtLeast("workers", "decoding threads (0: on the training thread)", 0, 2), (o, v) => o with { Workers = v })
        .Add(CliOptions.AtLeast("epochs", "epochs read", 1, 2), (o, v) => o with { Epochs = v }),
        (o, _) => Done(() => MemoryOverAnEpoch.Run(o.Folder, o.Workers, o.Epochs)))
    .Run(args);

static int MakeFlat(string folder, int count)
{
    int copies = (count + 49_999) / 50_000;
    using var train = FashionMnist.Load(FashionMnistSplit.Train, limit: count / copies);
    long written = ImageFolderExport.WritePng(train, folder, byClass: false, copies: copies);
    Console.WriteLine($"Wrote {written} PNGs into {Path.GetFullPath(folder)}.");
    return SampleExit.Success;
}

static int Done(Action run)
{
    run();
    return SampleExit.Success;
}
