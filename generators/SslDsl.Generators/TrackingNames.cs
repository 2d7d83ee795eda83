namespace SslDsl.Generators;

/// <summary>Names of the incremental pipeline's steps, for tests that assert caching.</summary>
internal static class TrackingNames
{
    public const string PretextTasks = nameof(PretextTasks);
    public const string MultiTasks = nameof(MultiTasks);
    public const string AllTasks = nameof(AllTasks);
}
