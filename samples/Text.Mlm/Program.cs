using SslDslSamples;
using TextMlmSample;

return SampleExit.Run(args, MlmOptions.Parse, o => o.Help, MlmOptions.Usage, o => MlmSample.Run(o, System.Console.Out));
