package io.jcompose.engine.container;

import io.jcompose.engine.host.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A certificate authority of the test's own and a server certificate it signed for {@code
 * 127.0.0.1} and {@code localhost}, made with the openssl CLI in a directory the test removes.
 *
 * @param authority the CA certificate (PEM), what a client is to trust
 * @param certificate the server's certificate (PEM)
 * @param key the server's private key (PEM)
 */
record TestCertificates(Path authority, Path certificate, Path key) {

  static TestCertificates create(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path caKey = directory.resolve("ca.key");
    Path authority = directory.resolve("ca.crt");
    Path key = directory.resolve("server.key");
    Path request = directory.resolve("server.csr");
    Path certificate = directory.resolve("server.crt");
    Path extensions = directory.resolve("server.ext");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=jcompose test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        "-keyout",
        caKey.toString(),
        "-out",
        authority.toString());
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        key.toString(),
        "-out",
        request.toString());
    Files.writeString(
        extensions,
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
            + "basicConstraints=CA:FALSE\n"
            + "extendedKeyUsage=serverAuth\n");
    openssl(
        "x509",
        "-req",
        "-in",
        request.toString(),
        "-CA",
        authority.toString(),
        "-CAkey",
        caKey.toString(),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        extensions.toString(),
        "-out",
        certificate.toString());
    return new TestCertificates(authority, certificate, key);
  }

  private static void openssl(String... args) {
    var command = new String[args.length + 1];
    command[0] = "openssl";
    System.arraycopy(args, 0, command, 1, args.length);
    HostCommand.Result result = HostCommand.run(command);
    if (result.exitCode() != 0) {
      throw new AssertionError("openssl " + String.join(" ", args) + ": " + result.stderr());
    }
  }
}
