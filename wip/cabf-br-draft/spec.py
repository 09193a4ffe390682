SUB = "      - { field: ca, equals: false }\n      - { field: selfSigned, equals: false }\n"
NOTCA = "      - { field: ca, equals: false }\n"
CA = "      - { field: ca, equals: true }\n"
SUBCA = "      - { field: ca, equals: true }\n      - { field: selfSigned, equals: false }\n"
ROOT = "      - { field: ca, equals: true }\n      - { field: selfSigned, equals: true }\n"
CAB = "2012-07-01"
D = 86400
rules = []
def R(name, title, sev, section, text, zlint, where, check, msg, effective=CAB, until=None, why=""):
    rules.append(dict(name=name, title=title, sev=sev, section=section, text=text, zlint=zlint, where=where, check=check, msg=msg, effective=effective, until=until, why=why))

def validity(days, eff, until, zl):
    limit = days * D - 1
    chk = f"{{ field: validity.totalSeconds, max: {limit} }}" if days == 398 else f"\n    any:\n      - {{ field: validity.totalSeconds, max: {limit} }}\n      - {{ field: validity.totalSeconds, min: {398*D} }}   # longer than 398 days: cabf-validity-398's finding"
    R(f"cabf-validity-{days}", f"Subscriber certificate valid for more than {days} days", "error", "6.3.2",
      f"Subscriber Certificates issued on or after {eff} SHOULD NOT have a Validity Period greater than {days} days and MUST NOT have a Validity Period greater than {days} days. For the purpose of calculations, a day is measured as 86,400 seconds; the validity period is inclusive of notBefore and notAfter.",
      zl, SUB, chk, f"{{{{subject}}}} is valid for {{{{validity.totalSeconds}}}} seconds (plus the inclusive last second): a subscriber certificate issued on or after {eff} may be valid for at most {days} days ({days*D} seconds, both ends counted).", effective=eff, until=until)
validity(398, "2020-09-01", None, ["e_sub_cert_valid_time_longer_than_398_days"])
validity(200, "2026-03-15", "2027-03-15", [])
validity(100, "2027-03-15", "2029-03-15", [])
validity(47, "2029-03-15", None, [])

R("cabf-san-missing", "Subscriber certificate without subjectAltName", "error", "7.1.2.7.12",
  "Subject Alternative Name Extension. Certificate Field: extensions:subjectAltName. Required/Optional: Required.",
  ["e_ext_san_missing"], NOTCA, "{ field: san.present, equals: true }",
  "{{subject}} has no subjectAltName: publicly-trusted subscriber certificates must list their names there.")
R("cabf-dns-underscore", "Underscore in a dNSName", "error", "7.1.2.7.12",
  "Wildcard Domain Names and Fully-Qualified Domain Names ... MUST NOT contain underscore characters (the dNSName must be in the preferred name syntax of RFC 5280 §4.2.1.6 and RFC 1034 §3.5).",
  ["e_dnsname_underscore_in_sld", "e_dnsname_underscore_in_trd", "e_underscore_not_permissible_in_dnsname"], SUB,
  "{ field: san.dns, none: { pattern: '_' } }", "{{subject}} has a dNSName with an underscore ({{san.dns}}): underscores are not permitted in publicly-trusted names since 2019.", effective="2008-05-01")
R("cabf-wildcard-not-leftmost", "Wildcard outside the left-most label", "error", "1.6.1",
  "Wildcard Domain Name: A string starting with \"*.\" (U+002A ASTERISK, U+002E FULL STOP) immediately followed by a Fully-Qualified Domain Name.",
  ["e_dnsname_wildcard_only_in_left_label"], "", "\n    all:\n      - { field: san.dns, none: { pattern: '^[^.]*\\..*\\*' } }\n      - { any: [ { field: subject.cn, absent: true }, { not: { field: subject.cn, pattern: '^[^.]*\\..*\\*' } } ] }",
  "{{subject}} has a wildcard in a label other than the left-most one ({{san.dns}}).")
R("cabf-wildcard-partial-label", "Wildcard left-most label is not exactly *", "error", "1.6.1",
  "Wildcard Domain Name: A string starting with \"*.\" (U+002A ASTERISK, U+002E FULL STOP) immediately followed by a Fully-Qualified Domain Name.",
  ["e_dnsname_left_label_wildcard_correct"], "", "\n    all:\n      - { field: san.dns, none: { pattern: '^([^.*]+\\*|\\*[^.]+)' } }\n      - { any: [ { field: subject.cn, absent: true }, { not: { field: subject.cn, pattern: '^([^.*]+\\*|\\*[^.]+)' } } ] }",
  "{{subject}} has a partial wildcard label such as f*.example.com ({{san.dns}}): only a whole left-most label \"*\" is a wildcard.")
R("cabf-wildcard-public-suffix", "Wildcard directly over a public suffix", "error", "3.2.2.6",
  "If a wildcard would fall within the label immediately to the left of a registry-controlled or public suffix, CAs MUST refuse issuance unless the applicant proves its rightful control of the entire Domain Namespace.",
  ["n_dnsname_wildcard_left_of_public_suffix"], SUB, "\n    primitive: cabf-names\n    with: { check: wildcard-public-suffix }",
  "{{subject}} has the wildcard {{name}} directly over a public suffix (Public Suffix List): it would cover every domain registered under it.")
R("cabf-internal-name", "Internal name (no public top-level domain)", "error", "7.1.2.7.12",
  "CAs SHALL NOT issue certificates with a subjectAltName extension or subject:commonName field containing a Reserved IP Address or Internal Name.",
  ["e_dnsname_not_valid_tld"], SUB, "\n    primitive: cabf-names\n    with: { check: internal-name }",
  "{{subject}} names {{name}}, whose top-level domain is not a public one (Public Suffix List): internal names such as .local, .corp or single labels cannot be validated and are prohibited.")
R("cabf-reserved-ip-san", "Reserved IP address in subjectAltName", "error", "7.1.2.7.12",
  "CAs SHALL NOT issue certificates with a subjectAltName extension or subject:commonName field containing a Reserved IP Address or Internal Name.",
  ["e_ext_san_contains_reserved_ip"], "      - { field: validity.notAfter, after: 2015-11-01 }\n", "\n    primitive: cabf-names\n    with: { check: reserved-ip, in: san }",
  "{{subject}} has the reserved IP address {{name}} in its subjectAltName (IANA special-purpose registry): private and reserved addresses cannot be validated.")
R("cabf-reserved-ip-cn", "Reserved IP address in the subject CN", "error", "7.1.2.7.12",
  "CAs SHALL NOT issue certificates with a subjectAltName extension or subject:commonName field containing a Reserved IP Address or Internal Name.",
  ["e_subject_contains_reserved_ip"], "      - { field: validity.notAfter, after: 2015-11-01 }\n", "\n    primitive: cabf-names\n    with: { check: reserved-ip, in: cn }",
  "{{subject}} has the reserved IP address {{name}} as its common name.")
R("cabf-cn-not-from-san", "Subject CN is not character for character a SAN entry", "error", "7.1.4.3",
  "If present, this field MUST contain exactly one entry that is one of the values contained in the Certificate's subjectAltName extension. If the value is a Fully-Qualified Domain Name or Wildcard Domain Name, then the value MUST be encoded as a character-for-character copy of the dNSName entry value from the subjectAltName extension.",
  ["e_subject_common_name_not_exactly_from_san"], "      - { field: ca, equals: false }\n      - { field: subject.cn, exists: true }\n",
  "\n    any:\n      - { field: subject.cn, in: { field: san.dns } }\n      - { field: subject.cn, in: { field: san.ip } }",
  "{{subject}}: the common name {{subject.cn}} is not character for character one of its SAN entries ({{san}}).", effective="2021-08-25")
R("cabf-eku-extra", "Subscriber EKU beyond serverAuth, clientAuth and emailProtection", "warning", "7.1.2.7.10",
  "id-kp-serverAuth MUST be present; id-kp-clientAuth MAY be present; id-kp-emailProtection, id-kp-codeSigning, id-kp-timeStamping and anyExtendedKeyUsage MUST NOT be present; any other value is NOT RECOMMENDED.",
  ["w_sub_cert_eku_extra_values"], SUB + "      - { field: eku.present, equals: true }\n",
  "{ field: eku, each: { in: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.4'] } }",
  "{{subject}} has extended key usages other than serverAuth and clientAuth ({{eku.names}}): a TLS subscriber certificate should have no others.")
R("cabf-eku-any", "anyExtendedKeyUsage in a subscriber certificate", "error", "7.1.2.7.10",
  "The value anyExtendedKeyUsage MUST NOT be present.", [], SUB + "      - { field: eku.present, equals: true }\n",
  "{ field: eku, none: { equals: '2.5.29.37.0' } }", "{{subject}} lists anyExtendedKeyUsage: subscriber certificates must name their purposes.")
R("cabf-eku-missing", "Subscriber certificate without extendedKeyUsage", "error", "7.1.2.7.10",
  "Certificate Field: extensions:extKeyUsage. Required/Optional: Required.", ["e_sub_cert_eku_missing"], SUB,
  "{ field: eku.present, equals: true }", "{{subject}} has no extendedKeyUsage: a TLS subscriber certificate must list serverAuth.")
R("cabf-eku-server-client-missing", "EKU has neither serverAuth nor clientAuth", "error", "7.1.2.3",
  "Either the value id-kp-serverAuth [RFC5280] or id-kp-clientAuth [RFC5280] or both values MUST be present.",
  ["e_sub_cert_eku_server_auth_client_auth_missing"], "      - { field: eku.present, equals: true }\n",
  "\n    any:\n      - { field: eku, contains: '1.3.6.1.5.5.7.3.1' }\n      - { field: eku, contains: '1.3.6.1.5.5.7.3.2' }",
  "{{subject}} has an extendedKeyUsage without serverAuth or clientAuth ({{eku.names}}).", until="2023-09-15")
R("cabf-sub-ku-cert-sign", "Subscriber certificate may sign certificates", "error", "7.1.2.7.11",
  "keyCertSign: MUST NOT be set (Subscriber Certificate key usage).", ["e_sub_cert_key_usage_cert_sign_bit_set"], SUB + "      - { field: keyUsage.present, equals: true }\n",
  "{ field: keyUsage.keyCertSign, equals: false }", "{{subject}} is a subscriber certificate with keyUsage keyCertSign set.")
R("cabf-sub-ku-crl-sign", "Subscriber certificate may sign CRLs", "error", "7.1.2.7.11",
  "cRLSign: MUST NOT be set (Subscriber Certificate key usage).", ["e_sub_cert_key_usage_crl_sign_bit_set"], SUB + "      - { field: keyUsage.present, equals: true }\n",
  "{ field: keyUsage.cRLSign, equals: false }", "{{subject}} is a subscriber certificate with keyUsage cRLSign set.")
R("cabf-ca-ku-missing", "CA certificate without keyUsage", "error", "7.1.2.10.7",
  "keyUsage: This extension MUST be present and MUST be marked critical.", ["e_ca_key_usage_missing"], CA,
  "{ field: keyUsage.present, equals: true }", "{{subject}} is a CA certificate without keyUsage.")
R("cabf-ca-ku-not-critical", "CA keyUsage not critical", "error", "7.1.2.10.7",
  "keyUsage: This extension MUST be present and MUST be marked critical.", ["e_ca_key_usage_not_critical"], CA + "      - { field: keyUsage.present, equals: true }\n",
  "{ field: keyUsage.critical, equals: true }", "{{subject}} is a CA certificate whose keyUsage is not critical.")
R("cabf-ca-ku-cert-sign", "CA certificate without keyCertSign", "error", "7.1.2.10.7",
  "Bit positions for keyCertSign and cRLSign MUST be set.", ["e_ca_key_cert_sign_not_set"], CA + "      - { field: keyUsage.present, equals: true }\n",
  "{ field: keyUsage.keyCertSign, equals: true }", "{{subject}} is a CA certificate whose keyUsage lacks keyCertSign.")
R("cabf-ca-ku-crl-sign", "CA certificate without cRLSign", "error", "7.1.2.10.7",
  "Bit positions for keyCertSign and cRLSign MUST be set.", ["e_ca_crl_sign_not_set"], CA + "      - { field: keyUsage.present, equals: true }\n",
  "{ field: keyUsage.cRLSign, equals: true }", "{{subject}} is a CA certificate whose keyUsage lacks cRLSign.")
R("cabf-sub-aia-missing", "Subscriber certificate without authorityInformationAccess", "error", "7.1.2.7.7",
  "authorityInformationAccess: this extension MUST be present.", ["e_sub_cert_aia_missing"], NOTCA,
  "{ field: aia.present, equals: true }", "{{subject}} has no authorityInformationAccess: clients cannot fetch the issuer or check revocation.")
R("cabf-sub-aia-critical", "Subscriber authorityInformationAccess marked critical", "error", "7.1.2.7.7",
  "authorityInformationAccess: It MUST NOT be marked critical.", ["e_sub_cert_aia_marked_critical"], NOTCA + "      - { field: aia.present, equals: true }\n",
  "{ field: aia.critical, equals: false }", "{{subject}} marks authorityInformationAccess critical.")
R("cabf-sub-aia-ca-issuers", "Subscriber AIA without the issuing CA's URL", "warning", "7.1.2.7.7",
  "It SHOULD also contain the HTTP URL of the Issuing CA's certificate (accessMethod = 1.3.6.1.5.5.7.48.2).", ["w_sub_cert_aia_does_not_contain_issuing_ca_url"],
  NOTCA + "      - { field: aia.present, equals: true }\n", "{ field: aia.caIssuers, any: { pattern: '^http://' } }",
  "{{subject}} has no http:// caIssuers URL in its authorityInformationAccess.")
R("cabf-sub-ca-aia-missing", "Subordinate CA without authorityInformationAccess", "error", "7.1.2.10.3",
  "authorityInformationAccess: This extension MUST be present (subordinate CA certificates).", ["e_sub_ca_aia_missing"], SUBCA,
  "{ field: aia.present, equals: true }", "{{subject}} is a subordinate CA without authorityInformationAccess.")
R("cabf-sub-ca-crldp-missing", "Subordinate CA without cRLDistributionPoints", "error", "7.1.2.10.2",
  "cRLDistributionPoints: This extension MUST be present and MUST NOT be marked critical.", ["e_sub_ca_crl_distribution_points_missing"], SUBCA,
  "{ field: crldp.present, equals: true }", "{{subject}} is a subordinate CA without cRLDistributionPoints.")
R("cabf-sub-ca-policies-missing", "Subordinate CA without certificatePolicies", "error", "7.1.2.10.5",
  "certificatePolicies: This extension MUST be present and SHOULD NOT be marked critical.", ["e_sub_ca_certificate_policies_missing"], SUBCA,
  "{ field: policies.present, equals: true }", "{{subject}} is a subordinate CA without certificatePolicies.")
R("cabf-sub-policies-missing", "Subscriber certificate without a policy identifier", "error", "7.1.2.7.9",
  "certificatePolicies: This extension MUST be present and MUST contain at least one Reserved Certificate Policy Identifier.", ["e_sub_cert_cert_policy_empty"], SUB,
  "{ field: policies.present, equals: true }", "{{subject}} has no certificatePolicies: a publicly-trusted certificate asserts a CA/B Forum policy OID.")
R("cabf-rsa-key-size", "RSA key shorter than 2048 bits", "error", "6.1.5",
  "For RSA key pairs the CA SHALL ensure that the modulus size, when encoded, is at least 2048 bits, and that the modulus size, in bits, is evenly divisible by 8.",
  ["e_rsa_mod_less_than_2048_bits"], "      - { field: key.type, in: [rsa, rsa-pss] }\n", "{ field: key.size, min: 2048 }",
  "{{subject}} has an RSA {{key.size}}-bit key: the BR require at least 2048 bits.")
R("cabf-ec-curve", "EC key not on P-256, P-384 or P-521", "error", "6.1.5",
  "For ECDSA key pairs, the CA SHALL ensure that the key represents a valid point on the NIST P-256, NIST P-384 or NIST P-521 named elliptic curve.",
  ["e_ec_improper_curves"], "      - { field: key.type, equals: ec }\n", "{ field: key.curve, in: [P-256, P-384, P-521] }",
  "{{subject}} has an EC key on {{key.curve}}: only P-256, P-384 and P-521 are allowed.")
R("cabf-key-algorithm", "Public key algorithm not allowed", "error", "7.1.3.1",
  "The CA SHALL NOT issue a Certificate with a subjectPublicKeyInfo other than RSA (rsaEncryption) or ECDSA (id-ecPublicKey) on P-256, P-384 or P-521.",
  ["e_public_key_type_not_allowed"], "", "{ field: key.type, in: [rsa, ec] }",
  "{{subject}} has a {{key.type}} key: publicly-trusted TLS certificates carry RSA or ECDSA keys only.")
R("cabf-sha1-signature", "Certificate signed with SHA-1", "error", "7.1.3.2",
  "CAs MUST NOT issue any Subscriber or Subordinate CA certificates using the SHA-1 hash algorithm.", ["e_sub_cert_or_sub_ca_using_sha1"],
  "      - { field: selfSigned, equals: false }\n", "{ not: { field: signature.hash, equals: SHA1 } }",
  "{{subject}} is signed with SHA-1 ({{signature.algorithm}}).", effective="2016-01-01")
R("cabf-serial-entropy", "Serial number shorter than 64 bits of CSPRNG output", "error", "7.1",
  "CAs SHALL generate non-sequential Certificate serial numbers greater than zero (0) and less than 2^159 containing at least 64 bits of output from a CSPRNG.",
  [], "", "{ field: serial.length, min: 8 }", "{{subject}} has a {{serial.length}}-octet serial number: at least 64 bits of CSPRNG output (8 octets) are required.", effective="2016-09-30")
R("cabf-serial-positive", "Serial number not positive", "error", "7.1",
  "CAs SHALL generate non-sequential Certificate serial numbers greater than zero (0) and less than 2^159.", ["e_serial_number_not_positive"], "",
  "\n    all:\n      - { field: serial.negative, equals: false }\n      - { field: serial.zero, equals: false }", "{{subject}} has a serial number that is zero or negative ({{serial}}).")
R("cabf-root-eku", "Root CA certificate with extendedKeyUsage", "error", "7.1.2.1.2",
  "extKeyUsage: MUST NOT be present (Root CA certificates).", ["e_root_ca_extended_key_usage_present"], ROOT,
  "{ field: eku.present, equals: false }", "{{subject}} is a root CA certificate with an extendedKeyUsage.")
R("cabf-root-path-len", "Root CA certificate with a path length constraint", "warning", "7.1.2.1.4",
  "pathLenConstraint: NOT RECOMMENDED (Root CA certificate basicConstraints).", ["w_root_ca_basic_constraints_path_len_constraint_field_present"], ROOT,
  "{ field: basicConstraints.pathLen, absent: true }", "{{subject}} is a root CA certificate with pathLenConstraint {{basicConstraints.pathLen}}.")
R("cabf-ca-subject-cn", "CA certificate without a common name", "error", "7.1.2.10.2",
  "commonName: MUST be present (CA certificate subject).", ["e_ca_common_name_missing"], CA, "{ field: subject.cn, exists: true }",
  "{{subject}} is a CA certificate without a subject commonName.")
R("cabf-ca-subject-country", "CA certificate without a country", "error", "7.1.2.10.2",
  "countryName: MUST be present (CA certificate subject).", ["e_ca_country_name_missing"], CA, "{ field: subject.c, exists: true }",
  "{{subject}} is a CA certificate without a subject countryName.")
R("cabf-ca-subject-organization", "CA certificate without an organization", "error", "7.1.2.10.2",
  "organizationName: MUST be present (CA certificate subject).", ["e_ca_organization_name_missing"], CA, "{ field: subject.o, exists: true }",
  "{{subject}} is a CA certificate without a subject organizationName.")
R("cabf-subject-ou", "organizationalUnitName in a subscriber certificate", "error", "7.1.4.2.2",
  "organizationalUnitName: MUST NOT be included (certificates issued on or after September 1, 2022).", ["e_organizational_unit_name_prohibited"], SUB,
  "{ field: subject.ou, absent: true }", "{{subject}} has an organizationalUnitName ({{subject.ou}}), prohibited since 2022-09-01.", effective="2022-09-01")
R("cabf-version", "Certificate is not X.509 v3", "error", "7.1.1",
  "Certificates MUST be of type X.509 v3.", ["e_invalid_certificate_version"], "", "{ field: version, equals: 3 }",
  "{{subject}} is an X.509 v{{version}} certificate: only v3 is allowed.")
