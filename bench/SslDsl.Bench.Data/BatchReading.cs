using System;
using System.Collections.Generic;
using SslDsl;

namespace SslDsl.Bench.Data;

/// <summary>Reads batches and frees each one's tensors at once (a foreach body's dispose scope opens after the batch is made, so it would not).</summary>
internal static class BatchReading
{
    public static void Each(IEnumerable<ImageBatch> batches, Action<ImageBatch> use)
    {
        foreach (var batch in batches)
        {
            try
            {
                use(batch);
            }
            finally
            {
                batch.Images.Dispose();
                batch.Labels?.Dispose();
            }
        }
    }
}
