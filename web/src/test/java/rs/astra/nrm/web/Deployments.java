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
   * @return the packaged WAR with those classes added
   */
  static WebArchive packagedPortal(Class<?>... helpers) {
    File war = new File(System.getProperty("nrm.test.war", "target/nrm-portal.war"));
    return ShrinkWrap.create(ZipImporter.class, "nrm-portal.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClasses(helpers)
        .addClass(Deployments.class);
  }
}
