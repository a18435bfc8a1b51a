package rs.astra.nrm.web.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.consent.AccessPolicy;

/**
 * The conventions of the code base, checked on every build (issue 16) with ArchUnit over the
 * portal's production classes (persistence, ejb and web modules):
 *
 * <ul>
 *   <li>pages and their beans ({@code rs.astra.nrm.web..}) never touch an entity or the {@code
 *       EntityManager}: they work with the services' records;
 *   <li>no class but the enforcer asks {@link AccessPolicy#decide} — every decision a service takes
 *       passes through {@code AccessEnforcer}, which records what it must;
 *   <li>the policy's query predicates ({@code permits…}) are used only by the list queries named here;
 *   <li>no new pair of bounded contexts ({@code rs.astra.nrm.<context>}) that depend on each other:
 *       the pairs of today are listed here, to be broken up.
 * </ul>
 */
class ArchitectureTest {

  private static final JavaClasses PORTAL =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("rs.astra.nrm");

  /** The services whose list queries put the policy's predicate into their SQL. */
  private static final String[] LIST_QUERIES = {
    "rs.astra.nrm.casefile.CaseFileService",
    "rs.astra.nrm.exchange.HtcdsExportService",
    "rs.astra.nrm.hotline.RegistryService",
    "rs.astra.nrm.proceedings.ProceedingsService",
    "rs.astra.nrm.casefile.IdentificationQueueService",
  };

  @Test
  void pagesNeverTouchEntitiesOrTheEntityManager() {
    noClasses()
        .that()
        .resideInAPackage("rs.astra.nrm.web..")
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(Entity.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(EntityManager.class)
        .because("views never bind entities (README, Architecture)")
        .check(PORTAL);
  }

  @Test
  void onlyTheEnforcerAsksThePolicyForADecision() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("rs.astra.nrm.consent.AccessEnforcer")
        .and()
        .doNotHaveFullyQualifiedName(AccessPolicy.class.getName())
        .should()
        .callMethodWhere(target(owner(assignableTo(AccessPolicy.class))).and(target(nameMatching("decide"))))
        .because("every decision on personal data passes the enforcer, which writes the audit record")
        .check(PORTAL);
  }

  @Test
  void onlyTheListQueriesUseThePolicysPredicate() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(AccessPolicy.class.getName())
        .and()
        .doNotHaveFullyQualifiedName(LIST_QUERIES[0])
        .and()
        .doNotHaveFullyQualifiedName(LIST_QUERIES[1])
        .and()
        .doNotHaveFullyQualifiedName(LIST_QUERIES[2])
        .and()
        .doNotHaveFullyQualifiedName(LIST_QUERIES[3])
        .and()
        .doNotHaveFullyQualifiedName(LIST_QUERIES[4])
        .should()
        .callMethodWhere(target(owner(assignableTo(AccessPolicy.class))).and(target(nameMatching("permits.*"))))
        .because("a list filters in the database with the same rule as decide, in the services named here")
        .check(PORTAL);
  }

  /**
   * The pairs of bounded contexts that depend on each other today (both ways), written down when the
   * rule came (issue 16). They are to be broken up; a pair not on this list fails the build, and a
   * pair that no longer depends both ways must leave it.
   */
  private static final Set<String> KNOWN_MUTUAL = Set.of(
          "audit<->consent", "audit<->organisation", "casefile<->consent", "casefile<->hotline", "casefile<->referral", "consent<->referral", "exchange<->statistics");

  @Test
  void noNewMutualDependencyBetweenBoundedContexts() {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (JavaClass c : PORTAL) {
      String from = context(c.getPackageName());
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = context(d.getTargetClass().getPackageName());
        if (from != null && to != null && !from.equals(to)) {
          uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        }
      }
    }
    Set<String> mutual = new TreeSet<>();
    uses.forEach((a, targets) -> targets.forEach(b -> {
      if (a.compareTo(b) < 0 && uses.getOrDefault(b, Set.of()).contains(a)) {
        mutual.add(a + "<->" + b);
      }
    }));
    assertEquals(new TreeSet<>(KNOWN_MUTUAL), mutual, "bounded contexts that depend on each other (break a new pair up; drop a mended one from the list)");
  }

  /** The context of a package: {@code rs.astra.nrm.<context>}; the root and the web module's mirror count as their own. */
  private static String context(String packageName) {
    if (!packageName.startsWith("rs.astra.nrm.")) {
      return null;
    }
    String rest = packageName.substring("rs.astra.nrm.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
