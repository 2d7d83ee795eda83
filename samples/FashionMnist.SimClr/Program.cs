using System;
using System.Diagnostics;
using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

foreach (var (w, d) in new[] { (16, 2), (32, 2), (24, 2) })
{
    var enc = Backbones.SmallCnn(1, w, 128, d);
    var x = torch.rand(512, 1, 28, 28);
    { using var s = torch.NewDisposeScope(); enc.forward(x).sum().backward(); }
    var sw = Stopwatch.StartNew();
    for (int i = 0; i < 4; i++) { using var s = torch.NewDisposeScope(); var y = enc.forward(x); y.sum().backward(); }
    Console.WriteLine($"w{w} d{d} fwd+bwd 512: {sw.Elapsed.TotalMilliseconds / 4:F1} ms");
    sw.Restart();
    using (torch.no_grad()) for (int i = 0; i < 4; i++) { using var s = torch.NewDisposeScope(); enc.forward(x); }
    Console.WriteLine($"   fwd only: {sw.Elapsed.TotalMilliseconds / 4:F1} ms");
}
