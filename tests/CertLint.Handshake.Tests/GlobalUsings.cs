global using CertLint.Endpoints;
global using CertLint.Tls;
