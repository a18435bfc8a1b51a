package rs.astra.nrm.retention;

import java.io.Serializable;
import java.time.Instant;

/**
 * One retention run or erasure as the DPO's page shows it: counts only.
 *
 * @param kind schedule or erasure
 * @param startedAt when it started (UTC)
 * @param casesAnonymised cases anonymised
 * @param callsAnonymised hotline calls anonymised
 * @param documentsDestroyed documents whose contents were destroyed
 * @param casesHeld cases due but kept by a hold
 */
public record RunRow(
    String kind,
    Instant startedAt,
    int casesAnonymised,
    int callsAnonymised,
    int documentsDestroyed,
    int casesHeld)
    implements Serializable {

  static RunRow of(RetentionRun r) {
    return new RunRow(
        r.getKind().name(),
        r.getStartedAt(),
        r.getCasesAnonymised(),
        r.getCallsAnonymised(),
        r.getDocumentsDestroyed(),
        r.getCasesHeld());
  }
}
