using System.Collections.Generic;

namespace SslDsl.Generators;

/// <summary>A member of the generated Pipeline that a family contributes (a method or property); it writes itself.</summary>
internal interface IPipelinePart
{
    /// <summary>Writes the member, XML documentation first.</summary>
    void Write(SourceWriter w);
}

/// <summary>What the families add to the Pipeline: whether the loss draws views, and their own members.</summary>
internal sealed class PipelinePlan
{
    /// <summary>Whether the objective draws augmented views (Pipeline.Views is emitted only then).</summary>
    public bool DrawsViews { get; set; }

    /// <summary>Members after Prepare, in the order the families added them.</summary>
    public List<IPipelinePart> Parts { get; } = new();
}
