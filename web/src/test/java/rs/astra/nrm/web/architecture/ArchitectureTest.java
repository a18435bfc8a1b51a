package rs.astra.nrm.web.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 *   <li>no cycle between bounded contexts, taken per layer: a context's model (persistence module,
 *       {@code rs.astra.nrm.<context>}), its services (ejb module, same package) and its pages (web
 *       module, {@code rs.astra.nrm.web.<context>}) are each a slice, and the slices depend on each
 *       other without a cycle of any length;
 *   <li>the layers point one way: the model uses no service or page, the services no page.
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
          // The support plan's one query (services, safety plan, both kinds of institution record)
          // turns each part's decision into its branch's condition (issue 16).
          Map.entry(
              "rs.astra.nrm.support.SupportPlanReads",
              Set.of("ownRecords", "recordsInScope", "bindOwnRecords")),
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

  /** The layer of a class: the module it was compiled in (persistence, ejb or web). */
  enum Layer {
    /** The persistence module: entities and the enums and values they store. */
    MODEL(rs.astra.nrm.casefile.CaseFile.class),
    /** The ejb module: the services. */
    SERVICE(AccessPolicy.class),
    /** The web module: pages, their beans and the REST API ({@code rs.astra.nrm.web.<context>}). */
    WEB(rs.astra.nrm.web.security.SignedInUser.class);

    /** Where the module's classes come from: its classes directory or its jar. */
    private final Path location;

    Layer(Class<?> member) {
      try {
        this.location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * The layer a class was imported from, told by its code source (a {@code target/classes}
     * directory in the reactor, a jar elsewhere).
     *
     * @param c an imported class
     * @return its layer, or {@code null} when it comes from none of the portal's modules
     */
    static Layer of(JavaClass c) {
      Path file = c.getSource().map(s -> file(s.getUri())).orElse(null);
      for (Layer layer : values()) {
        if (file != null && file.startsWith(layer.location)) {
          return layer;
        }
      }
      return null;
    }

    /** The class file, or the jar that holds it; {@code null} for another kind of source. */
    private static Path file(URI uri) {
      URI f = uri;
      if ("jar".equals(uri.getScheme())) {
        String part = uri.getSchemeSpecificPart();
        f = URI.create(part.substring(0, part.indexOf("!/")));
      }
      return "file".equals(f.getScheme()) ? Path.of(f) : null;
    }

    DescribedPredicate<JavaClass> classes() {
      return DescribedPredicate.describe(
          "classes of the " + name().toLowerCase(Locale.ROOT) + " layer", c -> of(c) == this);
    }
  }

  /**
   * A slice is one bounded context in one layer: {@code rs.astra.nrm.<context>} in the persistence
   * module (its model) or in the ejb module (its services), {@code rs.astra.nrm.web.<context>} in
   * the web module. Classes directly in {@code rs.astra.nrm} or {@code rs.astra.nrm.web} form the
   * slice {@code (root)} of their layer.
   */
  private static final SliceAssignment CONTEXT_PER_LAYER =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          Layer layer = Layer.of(c);
          String root = layer == Layer.WEB ? "rs.astra.nrm.web" : "rs.astra.nrm";
          String pkg = c.getPackageName();
          if (layer == null || !(pkg.equals(root) || pkg.startsWith(root + "."))) {
            return SliceIdentifier.ignore();
          }
          String rest = pkg.equals(root) ? "(root)" : pkg.substring(root.length() + 1);
          int dot = rest.indexOf('.');
          return SliceIdentifier.of(
              layer.name().toLowerCase(Locale.ROOT), dot < 0 ? rest : rest.substring(0, dot));
        }

        @Override
        public String getDescription() {
          return "bounded contexts per layer (model, service, web)";
        }
      };

  /**
   * No cycle, of any length, between the bounded contexts within and across the layers (issue 16).
   * The contexts depend on each other at the level of whole packages (the policy in consent decides
   * over case files and referrals, whose services ask it), so the rule looks at each context in
   * each layer: the consent model may use the casefile model, the casefile services the consent
   * services, but never the other way round as well.
   */
  @Test
  void noCyclesBetweenBoundedContextsInTheirLayers() {
    SlicesRuleDefinition.slices()
        .assignedFrom(CONTEXT_PER_LAYER)
        .namingSlices("$2 ($1)")
        .should()
        .beFreeOfCycles()
        .because(
            "the bounded contexts of each layer point one way (issue 16): break a cycle by moving"
                + " the class that closes it to the context (or layer) it belongs to")
        .check(PORTAL);
  }

  /** The layers point one way: the model uses no service or page, the services no page. */
  @Test
  void layersPointOneWay() {
    Architectures.layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("model")
        .definedBy(Layer.MODEL.classes())
        .layer("service")
        .definedBy(Layer.SERVICE.classes())
        .layer("web")
        .definedBy(Layer.WEB.classes())
        .whereLayer("web")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("service")
        .mayOnlyBeAccessedByLayers("web")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("service", "web")
        .because(
            "entities are the bottom, services use them, pages use both (README, Architecture)")
        .check(PORTAL);
  }
}
