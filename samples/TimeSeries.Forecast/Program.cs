using TimeSeriesForecastSample;

return ForecastOptions.CommandLine().Run(args, (o, cancel) =>
{
    ForecastSample.Run(o, System.Console.Out, cancel);
    return 0;
});
