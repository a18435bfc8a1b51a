package rs.astra.nrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.jar.JarFile;

/** What the benchmark ran on: CPUs, memory, load, JDK, Payara Micro and PostgreSQL versions. */
record Machine(
    int cpus,
    String cpuModel,
    long memoryMiB,
    String jdk,
    String payara,
    String postgres,
    String os) {

  static Machine describe(Path microJar, Connection db) throws IOException, SQLException {
    String model = "";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      model =
          Files.readAllLines(cpuinfo).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.replaceFirst(".*:\\s*", ""))
              .findFirst()
              .orElse("");
    }
    long memory = -1;
    Path meminfo = Path.of("/proc/meminfo");
    if (Files.isReadable(meminfo)) {
      memory =
          Files.readAllLines(meminfo).stream()
              .filter(l -> l.startsWith("MemTotal:"))
              .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
              .findFirst()
              .orElse(-1L);
    }
    String payara;
    try (JarFile jar = new JarFile(microJar.toFile())) {
      var attributes = jar.getManifest().getMainAttributes();
      String version =
          firstNonNull(
              attributes.getValue("Bundle-Version"),
              attributes.getValue("Implementation-Version"),
              null);
      var pom =
          jar.getEntry(
              "META-INF/maven/fish.payara.server.internal.extras/payara-micro-boot/pom.properties");
      if (version == null && pom != null) {
        java.util.Properties p = new java.util.Properties();
        try (var in = jar.getInputStream(pom)) {
          p.load(in);
        }
        version = p.getProperty("version");
      }
      payara = "Payara Micro " + (version == null ? "?" : version);
    }
    String pg;
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("show server_version")) {
      rs.next();
      pg = "PostgreSQL " + rs.getString(1);
    }
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        model,
        memory,
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        payara,
        pg,
        System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  /**
   * @return the 1, 5 and 15 minute load averages, as /proc/loadavg gives them
   */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
