namespace System.Runtime.CompilerServices;

/// <summary>Enables records and init accessors on netstandard2.0.</summary>
internal static class IsExternalInit
{
}
