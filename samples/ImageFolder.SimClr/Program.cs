using System;
using ImageFolderSample;

return FolderOptions.CommandLine().Run(args, (o, cancel) =>
{
    if (o.Export is not null)
    {
        FolderSample.Export(o, Console.Out);
    }
    else
    {
        FolderSample.Run(o, Console.Out, cancel);
    }

    return 0;
});
