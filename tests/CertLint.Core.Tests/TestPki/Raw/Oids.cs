namespace CertLint.Tests.Pki.Raw;

/// <summary>The OIDs the raw fixtures use.</summary>
public static class Oids
{
    public const string CommonName = "2.5.4.3", Surname = "2.5.4.4", SerialNumber = "2.5.4.5", Country = "2.5.4.6";
    public const string Locality = "2.5.4.7", State = "2.5.4.8", Street = "2.5.4.9", Organization = "2.5.4.10";
    public const string OrganizationalUnit = "2.5.4.11", PostalCode = "2.5.4.17", GivenName = "2.5.4.42";
    public const string Email = "1.2.840.113549.1.9.1";

    public const string SubjectDirectoryAttributes = "2.5.29.9", SubjectKeyId = "2.5.29.14", KeyUsage = "2.5.29.15";
    public const string SubjectAltName = "2.5.29.17", IssuerAltName = "2.5.29.18", BasicConstraints = "2.5.29.19";
    public const string NameConstraints = "2.5.29.30", CrlDistributionPoints = "2.5.29.31", CertificatePolicies = "2.5.29.32";
    public const string PolicyMappings = "2.5.29.33", AuthorityKeyId = "2.5.29.35", PolicyConstraints = "2.5.29.36";
    public const string ExtendedKeyUsage = "2.5.29.37", FreshestCrl = "2.5.29.46", InhibitAnyPolicy = "2.5.29.54";
    public const string AuthorityInfoAccess = "1.3.6.1.5.5.7.1.1", SubjectInfoAccess = "1.3.6.1.5.5.7.1.11";
    public const string SctList = "1.3.6.1.4.1.11129.2.4.2", CtPoison = "1.3.6.1.4.1.11129.2.4.3";
    public const string OcspNoCheck = "1.3.6.1.5.5.7.48.1.5";

    public const string AnyPolicy = "2.5.29.32.0", QualifierCps = "1.3.6.1.5.5.7.2.1", QualifierUserNotice = "1.3.6.1.5.5.7.2.2";
    public const string AccessOcsp = "1.3.6.1.5.5.7.48.1", AccessCaIssuers = "1.3.6.1.5.5.7.48.2";
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1", ClientAuth = "1.3.6.1.5.5.7.3.2", CodeSigning = "1.3.6.1.5.5.7.3.3";
    public const string AnyEku = "2.5.29.37.0";

    public const string RsaEncryption = "1.2.840.113549.1.1.1", Sha256WithRsa = "1.2.840.113549.1.1.11";
    public const string Sha384WithRsa = "1.2.840.113549.1.1.12", EcPublicKey = "1.2.840.10045.2.1";
    public const string EcdsaWithSha256 = "1.2.840.10045.4.3.2", EcdsaWithSha384 = "1.2.840.10045.4.3.3";
}
