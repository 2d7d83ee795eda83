namespace SslDsl;

/// <summary>
/// A module whose behaviour depends on the training epoch: DINO's teacher-temperature warm-up and frozen last
/// layer, SwAV's frozen prototypes and late queue. Before every step the trainer tells each such module of its
/// network the current epoch (0-based), so the schedule follows resumed and multi-task runs alike.
/// </summary>
public interface IEpochAware
{
    /// <summary>Sets the epoch (0-based) the next steps belong to.</summary>
    /// <param name="epoch">The epoch, &gt;= 0.</param>
    void SetEpoch(int epoch);
}
