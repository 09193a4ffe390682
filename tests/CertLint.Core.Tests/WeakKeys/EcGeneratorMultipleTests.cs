using System.Security.Cryptography;
using CertLint.Parsing;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// d·G for the private-key audit: the direct libcrypto route (Linux) and the ECDsa route must give the point the
/// platform's own key generation gives, on every curve the audit meets, including scalars with leading zero octets.
/// </summary>
public sealed class EcGeneratorMultipleTests
{
    private static readonly (string Oid, int FieldBytes)[] Curves =
    [
        ("1.2.840.10045.3.1.7", 32), // P-256
        ("1.3.132.0.34", 48),        // P-384
        ("1.3.132.0.35", 66),        // P-521
        ("1.3.132.0.10", 32),        // secp256k1
        ("1.3.36.3.3.2.8.1.1.7", 32), // brainpoolP256r1
    ];

    [Test]
    public void On_linux_the_direct_libcrypto_route_is_taken()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("libcrypto is used directly on Linux only");
        EcGeneratorMultiple.NativeAvailable.ShouldBeTrue();
    }

    [TestCaseSource(nameof(Curves))]
    public void Both_routes_give_the_public_point_of_a_generated_key((string Oid, int FieldBytes) curve)
    {
        for (var i = 0; i < 8; i++)
        {
            using var key = ECDsa.Create(ECCurve.CreateFromValue(curve.Oid));
            var p = key.ExportParameters(true);
            var d = new byte[curve.FieldBytes];
            p.D!.CopyTo(d, curve.FieldBytes - p.D!.Length);
            byte[] expected = [4, .. p.Q.X!, .. p.Q.Y!];
            EcGeneratorMultiple.Multiply(curve.Oid, d, curve.FieldBytes).ShouldBe(expected);
            EcGeneratorMultiple.Multiply(curve.Oid, d, curve.FieldBytes, managed: true).ShouldBe(expected);
        }
    }

    [TestCaseSource(nameof(Curves))]
    public void One_times_the_generator_is_the_generator((string Oid, int FieldBytes) curve)
    {
        using var key = ECDsa.Create(ECCurve.CreateFromValue(curve.Oid));
        var g = key.ExportExplicitParameters(false).Curve.G;
        var one = new byte[curve.FieldBytes];
        one[^1] = 1;
        byte[] expected = [4, .. g.X!, .. g.Y!];
        EcGeneratorMultiple.Multiply(curve.Oid, one, curve.FieldBytes).ShouldBe(expected);
        EcGeneratorMultiple.Multiply(curve.Oid, one, curve.FieldBytes, managed: true).ShouldBe(expected);
    }

    [Test]
    public void Concurrent_callers_share_one_group_and_agree()
    {
        const string P256 = "1.2.840.10045.3.1.7";
        var keys = Enumerable.Range(0, 64).Select(_ => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportParameters(true)).ToArray();
        var results = new byte[keys.Length][];
        Parallel.For(0, keys.Length, i => results[i] = EcGeneratorMultiple.Multiply(P256, keys[i].D!, 32)!);
        for (var i = 0; i < keys.Length; i++) results[i].ShouldBe([4, .. keys[i].Q.X!, .. keys[i].Q.Y!]);
    }
}
