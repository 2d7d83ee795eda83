using FashionMaeSample;

return MaeOptions.CommandLine().Run(args, (o, cancel) =>
{
    MaeSample.Run(o, System.Console.Out, cancel);
    return 0;
});
