using System.Linq;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Reading a module tree the way the exporters walk it: children by name, paths as in state-dict keys.</summary>
internal static class ModuleTree
{
    /// <summary>The child of <paramref name="module"/> registered as <paramref name="name"/>.</summary>
    public static nn.Module Child(nn.Module module, string name) =>
        module.named_children().First(c => c.name == name).module;

    /// <summary>The path of child <paramref name="name"/> under <paramref name="parent"/> ("a.b" style; the root is "").</summary>
    public static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    /// <summary>The parameter or buffer of <paramref name="module"/> named <paramref name="name"/> (not its children's).</summary>
    public static Tensor Own(nn.Module module, string name) =>
        module.state_dict().First(kv => kv.Key == name).Value;
}
