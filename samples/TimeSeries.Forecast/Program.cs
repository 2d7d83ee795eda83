using SslDslSamples;
using TimeSeriesForecastSample;

return SampleExit.Run(args, ForecastOptions.Parse, o => o.Help, ForecastOptions.Usage, o => ForecastSample.Run(o, System.Console.Out));
