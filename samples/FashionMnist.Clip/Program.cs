using FashionClipSample;

return ClipOptions.CommandLine().Run(args, (o, cancel) =>
{
    ClipSample.Run(o, System.Console.Out, cancel);
    return 0;
});
