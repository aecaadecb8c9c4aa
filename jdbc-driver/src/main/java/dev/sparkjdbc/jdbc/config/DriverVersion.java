package dev.sparkjdbc.jdbc.config;

/** The driver's version, read from the jar manifest when packaged. */
public final class DriverVersion {
  public static final String NAME = "Spark Connect JDBC Driver";
  public static final String VERSION = readVersion();
  public static final int MAJOR = part(0);
  public static final int MINOR = part(1);

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
