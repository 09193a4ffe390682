namespace CertLint.Rules.Fields;

/// <summary>
/// Shared boxes for the field values rules read most: a field is read as an object, and with every pack on a
/// certificate's booleans and small numbers were boxed afresh by each of hundreds of rules (17 MB per 10,000
/// certificates). Values are immutable, so one box per value serves every reader.
/// </summary>
internal static class Boxes
{
    private const long MinCached = -128, MaxCached = 1024;

    private static readonly object True = true, False = false;
    // Each box made when its value is first read: a one-file run reads a few dozen of the 1,153 values, and boxing all
    // of them up front was some 37 KB of fresh heap in every run. Two threads may both box a value the first time;
    // either box is kept, and both hold the same value (nothing compares these boxes by reference).
    private static readonly object?[] Small = new object?[MaxCached - MinCached + 1];

    public static object? Of(bool? value) => value is { } b ? b ? True : False : null;

    public static object? Of(long? value) => value is { } n ? n is >= MinCached and <= MaxCached ? Small[n - MinCached] ??= n : n : null;
}
