package rs.astra.nrm.web.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
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
 *   <li>no new dependency cycle between bounded contexts ({@code rs.astra.nrm.<context>}): the cycles
 *       that exist today are frozen in {@code src/test/resources/archunit_store} (a cycle that
 *       disappears leaves the store; a new one fails the build).
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

  @Test
  void noNewCycleBetweenBoundedContexts() {
    FreezingArchRule.freeze(slices().matching("rs.astra.nrm.(*)..").should().beFreeOfCycles()).check(PORTAL);
  }
}
