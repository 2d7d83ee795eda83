namespace SslDsl;

/// <summary>How <see cref="ICollectives.AllReduce"/> combines the ranks' values.</summary>
public enum ReduceOperation
{
    /// <summary>The sum over ranks.</summary>
    Sum,

    /// <summary>The mean over ranks (the sum divided by the world size).</summary>
    Average,

    /// <summary>The largest value.</summary>
    Max,

    /// <summary>The smallest value.</summary>
    Min,
}
