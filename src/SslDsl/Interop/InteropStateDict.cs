using System.Collections.Generic;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The tensors a PyTorch <c>state_dict()</c> of the same module would hold: every parameter and
/// persistent buffer once, under its module path. (TorchSharp's own <c>state_dict()</c> also lists some
/// submodules of custom modules a second time, under their C# field names, e.g. <c>embedding._tokens.weight</c>
/// beside <c>embedding.tokens.weight</c>; those aliases are not part of the architecture PyTorch sees.)
/// </summary>
internal static class InteropStateDict
{
    public static Dictionary<string, Tensor> Of(nn.Module module)
    {
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, parameter) in module.named_parameters())
        {
            tensors[name] = parameter;
        }

        foreach (var (name, buffer) in module.named_buffers(recurse: true, include_nonpersistent: false))
        {
            tensors[name] = buffer;
        }

        return tensors;
    }
}
