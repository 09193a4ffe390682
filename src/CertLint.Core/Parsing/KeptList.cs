namespace CertLint.Parsing;

/// <summary>
/// A list the model keeps for the whole run, as an exact-size array: a parse collects into a <see cref="List{T}"/>,
/// which dies young, and keeps one array (the shared empty one for none). A certificate's extensions, names and
/// SAN entries were each a list object plus a backing array with spare slots, all copied by every collection that
/// promoted the model (session 12's heap census).
/// </summary>
internal static class KeptList
{
    public static T[] Of<T>(List<T>? list) => list is null || list.Count == 0 ? [] : list.ToArray();
}
