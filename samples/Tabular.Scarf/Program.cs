using SslDslSamples;
using TabularScarfSample;

return SampleExit.Run(args, ScarfOptions.Parse, o => o.Help, ScarfOptions.Usage, o => ScarfSample.Run(o, System.Console.Out));
