using TabularScarfSample;

return ScarfOptions.CommandLine().Run(args, (o, cancel) =>
{
    ScarfSample.Run(o, System.Console.Out, cancel);
    return 0;
});
