package rs.astra.nrm.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention periods (MicroProfile Config, environment variables in production). The defaults
 * and their rationale are in README "Retention, legal holds and erasure"; they await the NRM's
 * lawyers.
 */
@ApplicationScoped
public class RetentionSettings {

  /** Default years a closed case is kept after its last recorded activity. */
  public static final int CLOSED_CASE_YEARS = 10;

  /** Default years a hotline call never linked to a case is kept after the call. */
  public static final int UNLINKED_CALL_YEARS = 2;

  @Inject
  @ConfigProperty(name = "nrm.retention.closedCaseYears", defaultValue = "10")
  int closedCaseYears;

  @Inject
  @ConfigProperty(name = "nrm.retention.unlinkedCallYears", defaultValue = "2")
  int unlinkedCallYears;

  /**
   * @return years a closed case is kept after its last recorded activity (at least 1)
   */
  public int closedCaseYears() {
    return Math.max(1, closedCaseYears);
  }

  /**
   * @return years a hotline call never linked to a case is kept after the call (at least 1)
   */
  public int unlinkedCallYears() {
    return Math.max(1, unlinkedCallYears);
  }
}
