package rs.astra.nrm.web.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
 *   <li>the policy's query predicates ({@code permits…}) are used only by the list queries named
 *       here;
 *   <li>no class outside the consent package decides visibility: the policy's methods are called
 *       there only through the enforcer, or as the allow-list here names them class by class;
 *   <li>no new pair of bounded contexts ({@code rs.astra.nrm.<context>}) that depend on each other:
 *       the pairs of today are listed here, to be broken up.
 * </ul>
 */
class ArchitectureTest {

  private static final JavaClasses PORTAL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("rs.astra.nrm");

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
        .callMethodWhere(
            target(owner(assignableTo(AccessPolicy.class))).and(target(nameMatching("decide"))))
        .because(
            "every decision on personal data passes the enforcer, which writes the audit record")
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
        .callMethodWhere(
            target(owner(assignableTo(AccessPolicy.class))).and(target(nameMatching("permits.*"))))
        .because(
            "a list filters in the database with the same rule as decide, in the services named here")
        .check(PORTAL);
  }

  /**
   * The classes outside {@code rs.astra.nrm.consent} that may call a method of {@link AccessPolicy}
   * themselves, and which (issue 16): the list queries put its predicates into their SQL, the
   * referral service asks two referral rules, the statistics ask their scope, and the support plan
   * and the timeline take the own-records condition for their queries. Everything else asks through
   * {@code AccessEnforcer}. A new entry needs a reason in review; nested classes count as their
   * top-level class.
   */
  private static final Map<String, Set<String>> MAY_ASK_THE_POLICY =
      Map.ofEntries(
          Map.entry("rs.astra.nrm.casefile.CaseFileService", Set.of("permits", "caseSummaryCount")),
          Map.entry("rs.astra.nrm.casefile.IdentificationQueueService", Set.of("permits")),
          Map.entry("rs.astra.nrm.exchange.HtcdsExportService", Set.of("permits")),
          Map.entry("rs.astra.nrm.hotline.RegistryService", Set.of("permits")),
          Map.entry(
              "rs.astra.nrm.proceedings.ProceedingsService",
              Set.of("permits", "permitsAllRecords")),
          Map.entry(
              "rs.astra.nrm.referral.ReferralService",
              Set.of("legalBasisForReferral", "readsReferralInbox")),
          Map.entry("rs.astra.nrm.statistics.StatisticsService", Set.of("statisticsScope")),
          // Which basis (consent or the child-to-centre legal basis) covers a transfer is the
          // policy's, as legalBasisForReferral is for a referral (issue 19).
          Map.entry("rs.astra.nrm.transfer.CaseTransferService", Set.of("basisForTransfer")),
          Map.entry(
              "rs.astra.nrm.support.ServiceEntryService", Set.of("ownRecords", "bindOwnRecords")),
          Map.entry(
              "rs.astra.nrm.support.SafetyPlanService", Set.of("recordsInScope", "bindOwnRecords")),
          Map.entry(
              "rs.astra.nrm.support.AssessmentNoteService",
              Set.of("recordsInScope", "bindOwnRecords")),
          Map.entry(
              "rs.astra.nrm.support.TreatmentRecordService",
              Set.of("recordsInScope", "bindOwnRecords")),
          Map.entry("rs.astra.nrm.casefile.CaseTimeline", Set.of("ownRecords", "bindOwnRecords")),
          // The data protection officer's search for access reports runs the policy's rule as its
          // query condition (owned, or handed over by a transfer; issue 19), as the case list
          // runs permits.
          Map.entry("rs.astra.nrm.rights.AccessReportService", Set.of("accessReportCases")));

  @Test
  void noClassOutsideTheConsentPackageDecidesVisibility() {
    classes()
        .that()
        .resideOutsideOfPackage("rs.astra.nrm.consent..")
        .should(askThePolicyOnlyAsAllowed())
        .because(
            "the consent package is the one place that decides visibility; others ask it through the enforcer (issue 16)")
        .check(PORTAL);
  }

  private static ArchCondition<JavaClass> askThePolicyOnlyAsAllowed() {
    return new ArchCondition<>("call AccessPolicy's methods only as the allow-list names them") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        String topLevel =
            c.getName().contains("$")
                ? c.getName().substring(0, c.getName().indexOf('$'))
                : c.getName();
        Set<String> allowed = MAY_ASK_THE_POLICY.getOrDefault(topLevel, Set.of());
        for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
          if (call.getTargetOwner().isEquivalentTo(AccessPolicy.class)
              && !allowed.contains(call.getName())) {
            events.add(
                SimpleConditionEvent.violated(
                    call, call.getDescription() + " (not on the allow-list for " + topLevel + ")"));
          }
        }
      }
    };
  }

  /**
   * The pairs of bounded contexts that depend on each other today (both ways), written down when
   * the rule came (issue 16). They are to be broken up; a pair not on this list fails the build,
   * and a pair that no longer depends both ways must leave it.
   */
  private static final Set<String> KNOWN_MUTUAL =
      Set.of(
          "audit<->casefile",
          "audit<->consent",
          "casefile<->consent",
          "casefile<->referral",
          "casefile<->rights",
          "consent<->referral");

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
    uses.forEach(
        (a, targets) ->
            targets.forEach(
                b -> {
                  if (a.compareTo(b) < 0 && uses.getOrDefault(b, Set.of()).contains(a)) {
                    mutual.add(a + "<->" + b);
                  }
                }));
    assertEquals(
        new TreeSet<>(KNOWN_MUTUAL),
        mutual,
        "bounded contexts that depend on each other (break a new pair up; drop a mended one from the list)");
  }

  /**
   * The context of a package: {@code rs.astra.nrm.<context>}; the root and the web module's mirror
   * count as their own.
   */
  private static String context(String packageName) {
    if (!packageName.startsWith("rs.astra.nrm.")) {
      return null;
    }
    String rest = packageName.substring("rs.astra.nrm.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
