namespace SslDsl;

/// <summary>How the k nearest neighbours vote in <see cref="KnnClassifier"/>.</summary>
public enum KnnVoting
{
    /// <summary>
    /// Each neighbour votes for its class with weight exp(cos / T) (InstDisc, Wu et al. 2018; DINO):
    /// closer neighbours count more.
    /// </summary>
    Weighted,

    /// <summary>Each neighbour has one vote; ties go to the lowest class index.</summary>
    Majority,
}
