using System;
using ImageFolderSample;
using SslDslSamples;

return SampleExit.Run(args, FolderOptions.Parse, o => o.Help, FolderOptions.Usage, o =>
{
    if (o.Export is not null)
    {
        FolderSample.Export(o, Console.Out);
    }
    else
    {
        FolderSample.Run(o, Console.Out);
    }
});
