namespace SslDsl.Generators;

/// <summary>
/// Encodes the views of a task whose objective compares crops of two sizes ([MultiCrop]): each size goes through
/// the network in its own batched pass (the global crops, then the local ones), and the outputs are concatenated
/// global first, so that <c>chunk(Views)</c> gives one output per view. Without [MultiCrop] every view has the
/// input's size and all go through in one pass. The crops are declared once for every family that reads them.
/// </summary>
internal static class CropEncoding
{
    /// <summary>The global crops of a batch as one tensor [G x N, ...]: every view without [MultiCrop].</summary>
    public static string GlobalCrops(TaskPlan plan)
    {
        var o = plan.Objective;
        string views = o.Views();
        return plan.Task.MultiCrop is null
            ? o.Shared("crops", $"torch.cat({views}, 0)")
            : o.Shared("globalCrops", $"torch.cat({views}[..{AttributeCatalog.MultiCropSpec.GlobalViews}], 0)");
    }

    /// <summary>
    /// Declares the outputs of <paramref name="network"/> (an expression with one {0} for its input) on every view,
    /// global crops first, as <paramref name="name"/> [V x N, D], and returns the local holding the global crops'
    /// outputs and the one holding all.
    /// </summary>
    public static (string Global, string All) Outputs(TaskPlan plan, string name, string network)
    {
        var o = plan.Objective;
        string global = GlobalCrops(plan);
        if (plan.Task.MultiCrop is null || plan.Task.Views == plan.Task.GlobalViews)
        {
            string all = o.Local(name, string.Format(network, global));
            return (all, all);
        }

        string local = o.Shared("localCrops", $"torch.cat({o.Views()}[{AttributeCatalog.MultiCropSpec.GlobalViews}..], 0)");
        string globalOutputs = o.Local(name + "Global", string.Format(network, global));
        string localOutputs = o.Local(name + "Local", string.Format(network, local));
        return (globalOutputs, o.Local(name, $"torch.cat(new[] {{ {globalOutputs}, {localOutputs} }}, 0)"));
    }
}
