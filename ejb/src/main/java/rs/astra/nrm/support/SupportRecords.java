package rs.astra.nrm.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.NrmTime;

/**
 * What the support services share: the audited reads of the case page, the author, days and texts.
 */
final class SupportRecords {

  private SupportRecords() {}

  /**
   * Asks READ of each support category in turn (each an audit record, written together); the
   * decisions in category order.
   */
  static Map<DataCategory, Decision> require(
      AccessEnforcer enforcer,
      Viewer viewer,
      CaseFacts f,
      Set<DataCategory> categories,
      Instant now) {
    if (!SupportPlanService.CATEGORIES.containsAll(categories)) {
      throw new IllegalArgumentException("not a support category: " + categories);
    }
    // In category order, as before; their records go to the database together (issue 16).
    List<DataCategory> asked =
        SupportPlanService.CATEGORIES.stream().filter(categories::contains).toList();
    Map<DataCategory, Decision> read = new EnumMap<>(DataCategory.class);
    read.putAll(enforcer.requireEach(viewer, f, asked, AccessAction.READ, now));
    return read;
  }

  static PortalUser user(EntityManager em, Viewer viewer) {
    return em.find(PortalUser.class, viewer.userId());
  }

  static void flush(EntityManager em, String what) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConcurrentUpdateException(what);
    }
  }

  static LocalDate today(Instant now) {
    return now.atZone(NrmTime.ZONE).toLocalDate();
  }

  static void notInFuture(Instant now, LocalDate... days) {
    LocalDate today = today(now);
    for (LocalDate day : days) {
      if (day != null && day.isAfter(today)) {
        throw new InvalidRequestException("support.error.futureDate");
      }
    }
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
