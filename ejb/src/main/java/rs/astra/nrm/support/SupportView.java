package rs.astra.nrm.support;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import rs.astra.nrm.casefile.DataCategory;

/**
 * Everything of a case's support the viewer asked to read, for the case page.
 *
 * @param categories the categories read (SOCIAL and/or HEALTH)
 * @param services the services of those categories, oldest first
 * @param safetyPlan the current safety plan, or {@code null} (none, or SOCIAL not read)
 * @param assessments the assessment notes (empty unless SOCIAL was read)
 * @param treatments the treatment records (empty unless HEALTH was read)
 */
public record SupportView(
    Set<DataCategory> categories,
    List<ServiceRow> services,
    SafetyPlanView safetyPlan,
    List<InstitutionRecordRow> assessments,
    List<InstitutionRecordRow> treatments)
    implements Serializable {

  /**
   * The institution records of a kind, as read for the page.
   *
   * @param kind assessments (SOCIAL) or treatments (HEALTH)
   * @return {@link #assessments()} or {@link #treatments()}
   */
  public List<InstitutionRecordRow> records(InstitutionRecordKind kind) {
    return switch (kind) {
      case ASSESSMENT -> assessments;
      case TREATMENT -> treatments;
    };
  }
}
