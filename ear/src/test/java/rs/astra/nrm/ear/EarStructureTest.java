package rs.astra.nrm.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR for a full Payara Server holds each module once: the ejb module, the web module at
 * context root "/" without the ejb and persistence classes, and the persistence jar and shared
 * libraries in {@code lib/}.
 */
class EarStructureTest {

  private static ZipFile ear;

  @BeforeAll
  static void open() throws IOException {
    ear = new ZipFile(System.getProperty("nrm.ear", "target/nrm-portal.ear"));
  }

  private static Set<String> entries(ZipFile zip) {
    Set<String> names = new TreeSet<>();
    zip.stream().map(ZipEntry::getName).forEach(names::add);
    return names;
  }

  private static Set<String> entriesOf(String module) throws IOException {
    Set<String> names = new TreeSet<>();
    try (ZipInputStream in = new ZipInputStream(ear.getInputStream(ear.getEntry(module)))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void applicationXmlNamesTheEjbAndWebModulesWithTheContextRoot() throws IOException {
    ZipEntry entry = ear.getEntry("META-INF/application.xml");
    assertNotNull(entry, "application.xml");
    String xml;
    try (InputStream in = ear.getInputStream(entry)) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(xml.contains("<ejb>nrm-ejb.jar</ejb>"), xml);
    assertTrue(xml.contains("<web-uri>nrm-web.war</web-uri>"), xml);
    assertTrue(xml.contains("<context-root>/</context-root>"), xml);
  }

  @Test
  void sharedJarsLiveInLibOnce() {
    Set<String> names = entries(ear);
    for (String jar : List.of("lib/nrm-persistence.jar")) {
      assertTrue(names.contains(jar), jar + " in " + names);
    }
    assertTrue(
        names.stream().anyMatch(n -> n.matches("lib/flyway-core-.*\\.jar")), "Flyway in lib/");
    assertTrue(
        names.stream().anyMatch(n -> n.matches("lib/postgresql-.*\\.jar")),
        "PostgreSQL driver in lib/");
    assertTrue(names.stream().anyMatch(n -> n.matches("lib/poi-ooxml-.*\\.jar")), "POI in lib/");
    assertTrue(names.contains("nrm-ejb.jar"), "the ejb module at the root");
    assertEquals(
        0,
        names.stream().filter(n -> n.startsWith("lib/nrm-ejb")).count(),
        "the ejb module is not also a library");
  }

  @Test
  void theDatasourceClassIsWhereThePersistenceUnitCanLoadIt() throws IOException {
    // The persistence unit lives in lib/nrm-persistence.jar; on a full Payara Server it loads the
    // datasource class with that jar's class loader, which sees no WAR class (EclipseLink-4002).
    Set<String> persistence = entriesOf("lib/nrm-persistence.jar");
    assertTrue(persistence.contains("META-INF/persistence.xml"));
    assertTrue(
        persistence.contains("rs/astra/nrm/operations/ConfiguredDataSource.class"),
        "the datasource class beside the persistence unit");
    assertTrue(
        persistence.contains("rs/astra/nrm/operations/DatabaseLossCustomizer.class"),
        "and its session customizer");
  }

  @Test
  void theWebModuleDoesNotDuplicateTheEjbOrPersistenceClasses() throws IOException {
    Set<String> war = entriesOf("nrm-web.war");
    assertTrue(
        war.contains("WEB-INF/classes/rs/astra/nrm/web/casefile/ListCases.class"),
        "the views' beans are in the WAR");
    assertTrue(
        war.stream().noneMatch(n -> n.startsWith("WEB-INF/lib/nrm-")),
        "no nrm jar inside the WAR: " + war);
    assertTrue(
        war.stream().noneMatch(n -> n.contains("rs/astra/nrm/casefile/CaseFileService")),
        "no ejb class inside the WAR");
    assertTrue(
        war.stream().anyMatch(n -> n.matches("WEB-INF/lib/primefaces-.*\\.jar")),
        "PrimeFaces stays with the views");
    assertTrue(
        war.stream().anyMatch(n -> n.matches("WEB-INF/lib/chartjs-java-model-.*\\.jar")),
        "the chart model stays with the views (hotline statistics)");
    assertTrue(
        war.stream().anyMatch(n -> n.matches("WEB-INF/lib/openpdf-.*\\.jar")),
        "so does OpenPDF, for the tables' PDF export");
    assertTrue(
        war.stream().anyMatch(n -> n.matches("WEB-INF/lib/bucket4j.*\\.jar")),
        "and Bucket4j, for the API's rate limit (without it the API's gate is no bean)");
    Set<String> ejb = entriesOf("nrm-ejb.jar");
    assertTrue(ejb.contains("rs/astra/nrm/casefile/CaseFileService.class"));
    assertTrue(
        war.stream().noneMatch(n -> n.contains("ConfiguredDataSource")),
        "the datasource class is not in the WAR");
    assertTrue(
        ejb.stream().noneMatch(n -> n.startsWith("rs/astra/nrm/web/")),
        "no web class in the ejb module");
  }

  @Test
  void theMicroProfileConfigDefaultsAreSeenByTheWholeApplication() throws IOException {
    // Payara Server builds one MicroProfile Config per application, with the EAR's class loader; a
    // properties file only inside the WAR is not in it, and the JWT identity store then refuses
    // every sign-in with "No issuer found" (stop 27's CI run).
    assertTrue(
        entriesOf("nrm-ejb.jar").contains("META-INF/microprofile-config.properties"),
        "the defaults travel with the ejb module");
    assertTrue(
        entriesOf("nrm-web.war").stream()
            .noneMatch(n -> n.endsWith("META-INF/microprofile-config.properties")),
        "and exist once");
  }
}
