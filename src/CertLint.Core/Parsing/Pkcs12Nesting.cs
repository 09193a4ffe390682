using System.Formats.Asn1;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace CertLint.Parsing;

/// <summary>
/// PKCS#12 safeContentsBags nest SafeContents in SafeContents (RFC 7292 §4.2.6), and .NET decodes each level by
/// recursion (Pkcs12SafeContents.ReadBags), about 700 bytes of stack per level for at least 19 bytes of file: an
/// 832 KB file of 30,000 empty levels overflowed the stack and killed the process, which no catch survives. So the
/// nesting is measured before .NET decodes it: in the clear by a walk of the file (no recursion), inside a PBES2 or
/// PKCS#12 PBE safe by decrypting it first; a safe under any other scheme is decrypted on a thread whose stack holds
/// the deepest nesting its ciphertext could decode to, and measured after.
/// No tool writes nested safes (OpenSSL, Java and .NET write flat ones): more than <see cref="MaxDepth"/> is a
/// parse-error. The same walks count the bags, nested ones included: more than <see cref="MaxBags"/> in the file (the
/// limit of the other keystores' entries, <see cref="JksParser.MaxEntries"/>) is a parse-error before .NET decodes them.
/// </summary>
internal static class Pkcs12Nesting
{
    public const int MaxDepth = 16;

    /// <summary>Bags in one file, nested ones and safeContentsBags included: the JKS, JCEKS and BKS entry limit.</summary>
    public const int MaxBags = JksParser.MaxEntries;

    private const string SafeContentsBagOid = "1.2.840.113549.1.12.10.1.6";

    /// <summary>Below this many ciphertext bytes any nesting fits an ordinary thread's stack (860 levels, 600 KB).</summary>
    private const int InlineCiphertext = 16 * 1024;

    /// <summary>Stack bytes reserved per ciphertext byte: 700 per level over 19 bytes per level is 37.</summary>
    private const int StackPerByte = 48;

    private static readonly Asn1Tag Context0 = Pkcs12AuthSafe.Context0;

    private static AsnContentException TooDeep() => new($"PKCS#12 safe contents nested more than {MaxDepth} deep");

    private static AsnContentException TooMany() => new($"more than {MaxBags} PKCS#12 bags");

    /// <summary>Throws when a walk has counted more than <see cref="MaxBags"/> bags.</summary>
    public static void CheckCount(int bags)
    {
        if (bags > MaxBags) throw TooMany();
    }

    /// <summary>
    /// Throws when a SafeContents in the clear nests deeper than <see cref="MaxDepth"/> or the clear safes hold more than
    /// <see cref="MaxBags"/> bags. Returns each encrypted safe as an EncryptedPrivateKeyInfo-shaped blob (algorithm,
    /// ciphertext) for <see cref="CheckEncrypted"/>, and the clear safes' bags counted.
    /// </summary>
    public static IReadOnlyList<byte[]> CheckClear(ReadOnlyMemory<byte> pfx, out int bags)
    {
        bags = 0;
        var clear = new List<ReadOnlyMemory<byte>>();
        var encrypted = new List<byte[]>();
        try
        {
            foreach (var (type, contentInfo) in Pkcs12AuthSafe.ContentInfos(pfx, out _) ?? [])
            {
                if (type == Pkcs12AuthSafe.DataOid) clear.Add(contentInfo.ReadSequence(Context0).ReadOctetString());
                else if (type == Pkcs12AuthSafe.EncryptedDataOid) encrypted.Add(Encrypted(contentInfo.ReadSequence(Context0).ReadSequence()));
            }
        }
        catch (AsnContentException)
        {
            return []; // damaged, not deep: Pkcs12Info.Decode says how
        }
        foreach (var safe in clear) Walk(safe, ref bags);
        return encrypted;
    }

    /// <summary>
    /// Decrypts each PBES2 or PKCS#12 PBE safe with <paramref name="password"/> (as .NET will next) and throws when it
    /// nests too deep: .NET's decoder, besides recursing, copies each level's bytes, so 30,000 levels cost a minute even
    /// on a stack that holds them. A scheme neither decryptor knows is left to <see cref="Decrypt"/>'s large stack.
    /// Their bags count on from <paramref name="bags"/> (the clear safes').
    /// </summary>
    public static void CheckEncrypted(IReadOnlyList<byte[]> encrypted, string? password, int bags)
    {
        foreach (var safe in encrypted)
        {
            byte[]? plain;
            var result = Pbes2Decryptor.TryDecrypt(safe, password ?? "", out plain);
            if (result == Pbes2Decryptor.Result.Unsupported) result = Pkcs12PbeDecryptor.TryDecrypt(safe, password, out plain);
            if (result != Pbes2Decryptor.Result.Decrypted || plain is null) continue;
            try
            {
                Walk(plain, ref bags);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }
    }

    /// <summary>EncryptedData { version, EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT ciphertext } } as SEQUENCE { algorithm, OCTET STRING }.</summary>
    private static byte[] Encrypted(AsnReader encryptedData)
    {
        encryptedData.ReadEncodedValue(); // version
        var info = encryptedData.ReadSequence();
        info.ReadObjectIdentifier();
        var algorithm = info.ReadEncodedValue();
        var ciphertext = info.ReadOctetString(new Asn1Tag(TagClass.ContextSpecific, 0));
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(algorithm.Span);
            writer.WriteOctetString(ciphertext);
        }
        return writer.Encode();
    }

    /// <summary>
    /// Counts a SafeContents' bags into <paramref name="bags"/> and throws when it nests deeper than <see cref="MaxDepth"/>
    /// or the count passes <see cref="MaxBags"/>.
    /// </summary>
    private static void Walk(ReadOnlyMemory<byte> safeContents, ref int bags)
    {
        if (Over(safeContents, ref bags) is { } over) throw over;
    }

    /// <summary>The bound a SafeContents passes, or null: a walk with a stack of pending levels, no recursion; a damaged structure passes none (Pkcs12Info.Decode says how).</summary>
    private static AsnContentException? Over(ReadOnlyMemory<byte> safeContents, ref int bags)
    {
        var pending = new Stack<(ReadOnlyMemory<byte> SafeContents, int Depth)>();
        pending.Push((safeContents, 0));
        try
        {
            while (pending.TryPop(out var next))
            {
                var list = new AsnReader(next.SafeContents, AsnEncodingRules.BER).ReadSequence();
                while (list.HasData)
                {
                    var bag = list.ReadSequence();
                    if (++bags > MaxBags) return TooMany();
                    if (bag.ReadObjectIdentifier() != SafeContentsBagOid) continue;
                    if (next.Depth + 1 > MaxDepth) return TooDeep();
                    pending.Push((bag.ReadSequence(Context0).ReadEncodedValue(), next.Depth + 1));
                }
            }
        }
        catch (AsnContentException)
        {
            // damaged, not deep
        }
        return null;
    }

    /// <summary>
    /// Decrypts <paramref name="safe"/> (on a large stack when the ciphertext, at most <paramref name="ciphertextBytes"/>
    /// long, is large), then checks its nesting.
    /// </summary>
    public static void Decrypt(Pkcs12SafeContents safe, string? password, int ciphertextBytes)
    {
        if (ciphertextBytes <= InlineCiphertext) safe.Decrypt(password);
        else OnLargeStack(StackPerByte * ciphertextBytes + (1 << 20), () => safe.Decrypt(password));
        CheckOpened(safe);
    }

    /// <summary>Throws when the decoded bags of <paramref name="safe"/> nest deeper than <see cref="MaxDepth"/> (a walk, no recursion).</summary>
    public static void CheckOpened(Pkcs12SafeContents safe)
    {
        var pending = new Stack<(Pkcs12SafeContents Safe, int Depth)>();
        pending.Push((safe, 0));
        while (pending.TryPop(out var next))
        {
            foreach (var bag in next.Safe.GetBags())
            {
                if (bag is not Pkcs12SafeContentsBag { SafeContents: { } inner }) continue;
                if (next.Depth + 1 > MaxDepth) throw TooDeep();
                pending.Push((inner, next.Depth + 1));
            }
        }
    }

    private static void OnLargeStack(int stackBytes, Action action)
    {
        ExceptionDispatchInfo? failure = null;
        var meter = ArithmeticMeter.Current; // the keys parsed on that thread are this file's
        var thread = new Thread(() =>
        {
            try
            {
                ArithmeticMeter.Carry(meter, action);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, stackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
    }
}
