package rs.astra.nrm.web;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive every Arquillian test deploys: the WAR that {@code mvn package} built, as the run
 * command deploys it.
 */
final class Deployments {

  private Deployments() {}

  /**
   * @param helpers test classes the in-container tests need besides the test class itself
   * @return the packaged WAR with those classes added (and {@link BrowserCookies}, which the tests'
   *     HTTP clients use)
   */
  static WebArchive packagedPortal(Class<?>... helpers) {
    File war = new File(System.getProperty("nrm.test.war", "target/nrm-portal.war"));
    return ShrinkWrap.create(ZipImporter.class, "nrm-portal.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClasses(helpers)
        .addClasses(Deployments.class, BrowserCookies.class);
  }

  /**
   * The packaged WAR with a real SMTP server (GreenMail) among its libraries, for the notification
   * tests (Jakarta Mail itself is the server's).
   *
   * @param helpers test classes the in-container tests need besides the test class itself
   * @return the WAR
   */
  static WebArchive packagedPortalWithMailServer(Class<?>... helpers) {
    File libs = new File(System.getProperty("nrm.test.itLibs", "target/it-libs"));
    File[] jars = libs.listFiles((dir, name) -> name.endsWith(".jar"));
    if (jars == null || jars.length < 2) {
      throw new IllegalStateException("GreenMail and slf4j-api are not in " + libs);
    }
    return packagedPortal(helpers).addAsLibraries(jars);
  }
}
