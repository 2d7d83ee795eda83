using FashionMaeSample;
using SslDslSamples;

return SampleExit.Run(args, MaeOptions.Parse, o => o.Help, MaeOptions.Usage, o => MaeSample.Run(o, System.Console.Out));
