namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Keys whose private half is published, by SHA-256 of the DER SubjectPublicKeyInfo. The RFC 9500 and RFC 8410 hashes
/// were reproduced from the PEM printed in their source (`openssl pkey -in KEY.pem -pubout -outform DER | sha256sum`);
/// the others from the numbers printed in their RFC by bench/external/known-keys.py, which also checks each public half
/// against the one the RFC prints. rules/key-known-compromised.md lists the same entries. Add an entry only with a
/// source (RFC and section) anyone can check.
/// </summary>
internal static class KnownKeys
{
    /// <summary>One published key: its SPKI SHA-256 (lower-case hex), a name a reader can find in the source, and the source (RFC and section).</summary>
    public sealed record Entry(string SpkiSha256, string Name, string Source);

    /// <summary>Every entry, in the order of rules/key-known-compromised.md.</summary>
    public static readonly IReadOnlyList<Entry> All =
    [
        new("9a9e5b0f404f4e2d4386e38b04ac91e535946dc2a7f8d84a31404b476e5c35e1", "testRSA1024", "RFC 9500 §2.1"),
        new("8fb6bad671cfe698393c453357da61b56d757ab8c0f3fb9c87f2849e63131878", "testRSA2048", "RFC 9500 §2.1"),
        new("96465ea5dc9bb2da7b351d808a7196e5761f2412a5040131c68d719aaba28fb9", "testRSA4096", "RFC 9500 §2.1"),
        new("e50b2bd28128da6e1cad135a80109223ba1cea6a21127af7c9212bf7774fe0f0", "testDLP2048", "RFC 9500 §2.2"),
        new("b2b04340cfaee616ec9c2c62d261b208e54bb197498df52e8cadede23ac0ba5e", "testECCP256", "RFC 9500 §2.3"),
        new("c4c10105a0be0ed4dd3354428dc38a9bfee64da141ce16e75c94eda272f9dd3a", "testECCP384", "RFC 9500 §2.3"),
        new("acb1b8327fef995e2458fdf5e3c33b2dc0749feabd6a894cb9bda9d70ac06c24", "testECCP521", "RFC 9500 §2.3"),
        new("a1e9156054e04fac899ae9f275132cdc07a5dbc4ea2c2ad3a1ffc6e0d253681f", "Ed25519 example private key", "RFC 8410 §10.3"),
        // Rebuilt from the numbers printed in each RFC, public half checked against the RFC's: bench/external/known-keys.py.
        new("c6479a15a50ac4cd9b6414e27c69bf37345dc1046dc648875c4898fbd35cc74b", "bilbo.baggins@hobbiton.example EC P-521 key", "RFC 7520 §3.2"),
        new("627771f25da426d1f9ae315e42106d700b1529850eee1592acf39603959d795d", "bilbo.baggins@hobbiton.example RSA 2048 key", "RFC 7520 §3.4"),
        new("229cabb741449d91d703195d4d69814fdcae96bf2f58960ae2711cedd61e3514", "frodo.baggins@hobbiton.example RSA 2048 key", "RFC 7520 §5.1.1"),
        new("c8579d8d878fb8eab2a6f1e714c92118b9960e1478ed906496255ed405db1636", "samwise.gamgee@hobbiton.example RSA 4096 key", "RFC 7520 §5.2.1"),
        new("1b50d9a1d7f6619f0362fe9382506259cb44afdd1dc3083c927cab36f2ebf79b", "peregrin.took@tuckborough.example EC P-384 key", "RFC 7520 §5.4.1"),
        new("eb28a65877d2b84b92a6a9b5fd762a45e50665933d97fc0c724e70a161f2031a", "meriadoc.brandybuck@buckland.example EC P-256 key", "RFC 7520 §5.5.1"),
        new("6fd13c2435a361e7c588cd17f55f5ad3df0177a66c1727a6a200845f4d7ab88c", "JWS example RSA 2048 key", "RFC 7515 Appendix A.2.1"),
        new("2bd1bb0c44a897c30a7aa0991cde38d8062fe441de50da0f46825344f602e827", "JWS example EC P-256 key", "RFC 7515 Appendix A.3.1"),
        new("9146ce73d6abeda5e0ab6926e7bd9b563f2f2258b488d520534a0b84ba5871df", "JWS example EC P-521 key", "RFC 7515 Appendix A.4.1"),
        new("bf0a7a74f9afb6edda89ebabe824241bfdb281db2da50daae9973c6cbe99fe95", "JWE example RSA-OAEP key", "RFC 7516 Appendix A.1.3"),
        new("c1de70b4f5ae92a53b86f6a7175e3b9b88b2f810d55aba53aca334c59fc2ea60", "JWE example RSA1_5 key", "RFC 7516 Appendix A.2.3"),
        new("51b944cdfa544d4c3273aa6bf350625a7dd53bbb6a71723274f538b19a207760", "JWK example EC P-256 key (kid 1)", "RFC 7517 Appendix A.2"),
        new("ad32320cf6c596d884b05381ba573aba8ddd5749b4de8f4a23a79f9a89ddaeb2", "JWK example RSA 2048 key (kid 2011-04-29)", "RFC 7517 Appendix A.2"),
        new("a4109e6bac8043ec089a57064aeb14d0b5fd5025b95810541c52a168aa565344", "juliet@capulet.lit RSA 2048 key", "RFC 7517 Appendix C.1"),
        new("06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9", "Ed25519 TEST 1 key, also RFC 8037 A.1's JWK", "RFC 8032 §7.1"),
        new("deb2ded39dc26fce0e6085b6fc34bf6b5941913bbfe2ea614113cff9e004c170", "Ed25519 TEST 2 key", "RFC 8032 §7.1"),
        new("8d39ba50abe50f77b6bb8ae7b6927aff7ffbeba35ad2837c0e51e82bcbcc60d5", "Ed25519 TEST 3 key", "RFC 8032 §7.1"),
        new("e4f982b51ad0bdd87be820b259fe80337ef636e72b9fa7a8867a6949eb610fd6", "Ed25519 TEST 1024 key", "RFC 8032 §7.1"),
        new("e77db4a9572e9f6552c22bc751d5499ad218a73bdf7e15dc6ea0fc69246a44de", "Ed25519 TEST SHA(abc) key", "RFC 8032 §7.1"),
        new("2391990aa611e5e333a6a37af8921d263faab93b55ea293bc124a7bbab5ebc61", "Ed448 Blank key", "RFC 8032 §7.4"),
        new("4e48f408c965b4e326a497e548a00dbd3723646ad5733c51e2a04eb29f0c6e3a", "Ed448 1 octet key", "RFC 8032 §7.4"),
        new("30407f9f0b1f009ab9bfa62a4b2ab689bf68bc8a62be99098cc91cde3f1b0b56", "Ed448 11 octets key", "RFC 8032 §7.4"),
        new("603d3301e217dd34d2a8ed223de69b4f1afd84ba8c420919f400d65a3131b8d7", "Ed448 12 octets key", "RFC 8032 §7.4"),
        new("aa012c6fac991ef1824864ee37554751991918a70b1c16552a1cc3008c0115a7", "Ed448 13 octets key", "RFC 8032 §7.4"),
        new("8217c7243c60d1f4884e6d94ad39784dacdcf8ce989db99c3df29cfd5c785b44", "Ed448 64 octets key", "RFC 8032 §7.4"),
        new("2d1cf4ed66d867d62327aaf98750451544aba8776f3279f1eff3f53b4391078c", "Ed448 256 octets key", "RFC 8032 §7.4"),
        new("b65b7826e29ae6f386e8b9155ed15f05c697b2cb1a31b4393aace243287b1156", "Ed448 1023 octets key", "RFC 8032 §7.4"),
        new("e22e5f835206173b5f72e8675bcb2466d8f4fb5e600736402904f7c3f3302c28", "Ed25519ctx foo key", "RFC 8032 §7.2"),
        new("cbfc48474fec9855db0cbcfb3b202d3e9c3d1e5e2329a87ec14fbb0c11df5011", "Ed25519ctx foo3 key", "RFC 8032 §7.2"),
        new("c0f301f5a7ada4ee7784fb8a79820911f8ac59f24686a8b3587a373886a1acfe", "Ed448ph abc key", "RFC 8032 §7.5"),
        new("291c5293e030452a599851a7c7298f3f16c3ff1bdfafcb598927f2631f9fa641", "X25519 Alice's key", "RFC 7748 §6.1"),
        new("e80c4532355b04160b97b1bee8a3e13cc7369c22a786afdfe63b1f7acbc34b52", "X25519 Bob's key", "RFC 7748 §6.1"),
        new("af2711a4fba3c098dd4b6f8f6c8de06acdd43f30c048183ca646463bdf49be5b", "X448 Alice's key", "RFC 7748 §6.2"),
        new("684999496441a973d0fd0dd05c5fefe0b7ef508422ca18890b7245eccc121cc4", "X448 Bob's key", "RFC 7748 §6.2"),
        new("22e217a1004b8779923462c344b0890916a08cd6b71ab91c3dfee5d7f036d081", "DSA 1024 example key", "RFC 6979 Appendix A.2.1"),
        new("8980acb6687303451269fd221433fbae2c7bf169b0f2cdc44d48bedb2a824d88", "DSA 2048 example key", "RFC 6979 Appendix A.2.2"),
        new("94141af5f421877481ef54c7fc43643705a0cfcf2eaf8c316426c8d67b7325b0", "ECDSA P-192 example key", "RFC 6979 Appendix A.2.3"),
        new("929ba087f0858de349b50e39b1dd123a7eaafa249bfdfc1b4a4121603c7984f9", "ECDSA P-224 example key", "RFC 6979 Appendix A.2.4"),
        new("5a7a78cca4a0f420d9bc62bb669c3c2759e39f723d3ae10dcbe0f0815a07ecd4", "ECDSA P-256 example key", "RFC 6979 Appendix A.2.5"),
        new("2f95601fa82060b909bfc6b979dbd303d34d34e0afb27ea496beac362f242a4b", "ECDSA P-384 example key", "RFC 6979 Appendix A.2.6"),
        new("2fb6d46385242ea4ad431f7175e7014eb74a5fc60f65b50ca54cc23c5b08de38", "ECDSA P-521 example key", "RFC 6979 Appendix A.2.7"),
        new("7f9e9b45f4ac3e03504a085cdf70f56a25ff4208649974b218213863169422e8", "ECDSA K-163 example key", "RFC 6979 Appendix A.2.8"),
        new("5e4bb10a5dd8bbdbb89a982e652dd84cbb3f5935749c3dbd4aa35736aa3aef8a", "ECDSA K-233 example key", "RFC 6979 Appendix A.2.9"),
        new("f2620a292aa7e168267c41202f24f0e8e4e150884b9cec1a7f46342821cc45e2", "ECDSA K-283 example key", "RFC 6979 Appendix A.2.10"),
        new("74957ba596aa072d2c885acf211190e4a36ece226622189cf3e6c9e057d417c7", "ECDSA K-409 example key", "RFC 6979 Appendix A.2.11"),
        new("de228fea3d3eb9ef2801b94ca003d43ed5fcd5ab3038791acf4d73b671ba25e7", "ECDSA K-571 example key", "RFC 6979 Appendix A.2.12"),
        new("6a992362c153e73e2b12f003fb2af6895029356ea862c65aeef2b4dddaee8a4d", "ECDSA B-163 example key", "RFC 6979 Appendix A.2.13"),
        new("7c0ffeb549385629f0a50522f214d81e451a6d23f2753b9ee675c921cf790825", "ECDSA B-233 example key", "RFC 6979 Appendix A.2.14"),
        new("fb4c1292fec9ffedde6e4d4400fd8b58db59d3eb3a7bf77a104942e49a06cce3", "ECDSA B-283 example key", "RFC 6979 Appendix A.2.15"),
        new("aa4304f2e198bcefa5a9bb258994afdb17687c6207ead3f03de3a2d0554a0715", "ECDSA B-409 example key", "RFC 6979 Appendix A.2.16"),
        new("1126f4f6a36fa5bb3710192ac461ad471b71d2b122326c207d40886e107af240", "ECDSA B-571 example key", "RFC 6979 Appendix A.2.17"),
        new("673a6bdad73de596ce0e2511cbf98a8e1f1df28292ff548452ecad027b3f1457", "TLS 1.3 example server RSA 1024 key", "RFC 8448 §2"),
        new("66afe53bf388017442fd78ed31c79805b72a398a6f703571757d6ec5f44de682", "IKE ECDSA-256 example key", "RFC 4754 §8.1"),
        new("9479b97ab02fa43cc547fb432c628f0b3cd53abe097cf6b22cfd7a5e4887590a", "IKE ECDSA-384 example key", "RFC 4754 §8.2"),
        new("cfcfc1ceaef9b2589ed0d6a7b21268002267eb2ef39f9f1a4dd4ab47ff9c6987", "IKE ECDSA-521 example key", "RFC 4754 §8.3"),
        new("f2f0eaf8dc295d10959c904a4d4b4cb764b5f15b4263628c3a9dfcae785d786b", "IKE ECDH P-256 initiator key", "RFC 5903 §8.1"),
        new("412ae803cfb9f0eda9249822d5d7930c3b8befb5188d7b3281a5b6fb45fe414a", "IKE ECDH P-256 responder key", "RFC 5903 §8.1"),
        new("429e0137e243105d67d42ec35b242c55b2ea4336c2bda56332e77c453e69f981", "IKE ECDH P-384 initiator key", "RFC 5903 §8.2"),
        new("bd6502297f8b089a6ef44c0869eac713feb927876231702ef10afaaf720e882b", "IKE ECDH P-384 responder key", "RFC 5903 §8.2"),
        new("11a76d8b3abb80afa1f3003ca94755f9e34c83072b03d972721c31b4eb669d96", "IKE ECDH P-521 initiator key", "RFC 5903 §8.3"),
        new("1ae17596e40a1e67ff513080d8f79b1d979cc568d9ff104770a8d48f9de73569", "IKE ECDH P-521 responder key", "RFC 5903 §8.3"),
    ];

    public static readonly IReadOnlyDictionary<string, Entry> BySpkiSha256 = All.ToDictionary(e => e.SpkiSha256, StringComparer.OrdinalIgnoreCase);
}
