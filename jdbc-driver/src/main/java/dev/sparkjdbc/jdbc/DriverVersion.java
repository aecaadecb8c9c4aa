package dev.sparkjdbc.jdbc;

/** The driver's version, read from the jar manifest when packaged. */
final class DriverVersion {
  static final String VERSION = readVersion();
  static final int MAJOR = part(0);
  static final int MINOR = part(1);

  private DriverVersion() {}

  private static String readVersion() {
    String v = DriverVersion.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-SNAPSHOT";
  }

  private static int part(int index) {
    String[] parts = VERSION.split("[.-]");
    try {
      return parts.length > index ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
