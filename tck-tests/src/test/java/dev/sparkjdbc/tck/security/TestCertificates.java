package dev.sparkjdbc.tck.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at test time with the JDK's keytool (always there, unlike openssl): a test CA;
 * a server certificate it signs for {@code localhost} and {@code 127.0.0.1}; one it signs for a
 * host name nobody connects to; and an unrelated CA. The CA is also written as PKCS12 and JKS trust
 * stores with a random password, which is what {@code ssl_trust_store} reads.
 */
final class TestCertificates {
  /** The host name of {@link #wrongHostCertificate}: a name that is never the one connected to. */
  static final String WRONG_HOST = "elsewhere.invalid";

  final Path caPem;
  final Path otherCaPem;
  final Path serverCertificate;
  final Path serverKey;
  final Path wrongHostCertificate;
  final Path wrongHostKey;
  final Path trustStoreP12;
  final Path trustStoreJks;
  final String trustStorePassword;

  private final Path dir;
  private final String storePassword;

  private TestCertificates(Path dir) {
    this.dir = dir;
    this.storePassword = random();
    this.trustStorePassword = random();
    this.caPem = dir.resolve("ca.pem");
    this.otherCaPem = dir.resolve("other-ca.pem");
    this.serverCertificate = dir.resolve("localhost.pem");
    this.serverKey = dir.resolve("localhost.key");
    this.wrongHostCertificate = dir.resolve("elsewhere.pem");
    this.wrongHostKey = dir.resolve("elsewhere.key");
    this.trustStoreP12 = dir.resolve("truststore.p12");
    this.trustStoreJks = dir.resolve("truststore.jks");
  }

  /** Creates everything in a new directory under {@code parent}. */
  static TestCertificates create(Path parent) {
    try {
      TestCertificates c = new TestCertificates(Files.createTempDirectory(parent, "certs-"));
      c.generate();
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void generate() throws IOException {
    Path caStore = dir.resolve("ca.p12");
    Path otherStore = dir.resolve("other-ca.p12");
    Path serverStore = dir.resolve("servers.p12");
    newCa(caStore, "sparkjdbc test CA");
    newCa(otherStore, "unrelated test CA");
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore, "-file", caPem);
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", otherStore, "-file", otherCaPem);
    issue(
        caStore,
        serverStore,
        "localhost",
        "dns:localhost,ip:127.0.0.1",
        serverCertificate,
        serverKey);
    issue(
        caStore, serverStore, "elsewhere", "dns:" + WRONG_HOST, wrongHostCertificate, wrongHostKey);
    writeTrustStore("PKCS12", trustStoreP12);
    writeTrustStore("JKS", trustStoreJks);
  }

  private void newCa(Path store, String name) throws IOException {
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name,
        "-ext",
        "bc:c=ca:true",
        "-ext",
        "ku:c=keyCertSign,cRLSign",
        "-validity",
        "3",
        "-keystore",
        store);
  }

  /** A key pair in {@code serverStore}, certified by the CA for {@code san}, written as PEM. */
  private void issue(
      Path caStore, Path serverStore, String alias, String san, Path certificate, Path key)
      throws IOException {
    keytool(
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + alias,
        "-validity",
        "3",
        "-keystore",
        serverStore);
    Path request = dir.resolve(alias + ".csr");
    keytool("-certreq", "-alias", alias, "-keystore", serverStore, "-file", request);
    keytool(
        "-gencert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        caStore,
        "-infile",
        request,
        "-outfile",
        certificate,
        "-validity",
        "3",
        "-ext",
        "san=" + san,
        "-ext",
        "eku=serverAuth",
        "-ext",
        "ku:c=digitalSignature");
    writePrivateKey(serverStore, alias, key);
  }

  /** keytool cannot export a private key; PKCS#8 in PEM is what nginx reads. */
  private void writePrivateKey(Path store, String alias, Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, storePassword.toCharArray());
      Key key = keys.getKey(alias, storePassword.toCharArray());
      String body =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(key.getEncoded());
      Files.writeString(
          pem, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot export the key " + alias + " from " + store, e);
    }
  }

  private void writeTrustStore(String type, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(caPem);
        OutputStream out = Files.newOutputStream(file)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(null, null);
      store.setCertificateEntry(
          "sparkjdbc-test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      store.store(out, trustStorePassword.toCharArray());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write the " + type + " trust store " + file, e);
    }
  }

  /** Runs keytool with the stores' password; every argument that is a Path is written as one. */
  private void keytool(Object... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    for (Object a : args) {
      command.add(a.toString());
    }
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", storePassword, "-noprompt"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    } finally {
      p.destroyForcibly();
    }
  }

  private static String random() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return "TestCertificates[" + dir + "]"; // no passwords
  }
}
