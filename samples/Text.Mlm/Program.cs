using TextMlmSample;

return MlmOptions.CommandLine().Run(args, (o, cancel) =>
{
    MlmSample.Run(o, System.Console.Out, cancel);
    return 0;
});
