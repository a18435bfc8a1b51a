package rs.astra.nrm.hotline;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;

/** Reads calls and checks for the hotline services, inside the caller's transaction. */
@Dependent
public class HotlineRecords {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * The checks of some calls, in one query.
   *
   * @param callIds the calls, at most a page
   * @return each call's check by call id; calls without a check are absent
   */
  public Map<Long, CheckLine> checksOf(List<Long> callIds) {
    Map<Long, CheckLine> result = new HashMap<>();
    if (callIds.isEmpty()) {
      return result;
    }
    for (JobOfferCheck k :
        em.createQuery(
                "select k from JobOfferCheck k join fetch k.call c join fetch c.takenBy where c.id in :ids",
                JobOfferCheck.class)
            .setParameter("ids", callIds)
            .getResultList()) {
      result.put(k.getCall().getId(), CheckLine.of(k));
    }
    return result;
  }

  /**
   * The checks of an organisation that name a registry entry (as employer or agency), newest first.
   *
   * @param organisationId the organisation whose registry it is
   * @param entryIds the entries
   * @return the checks
   */
  public List<CheckLine> checksNaming(long organisationId, List<Long> entryIds) {
    if (entryIds.isEmpty()) {
      return List.of();
    }
    return em
        .createQuery(
            "select k from JobOfferCheck k join fetch k.call c join fetch c.takenBy left join k.employerEntry ee left join k.agencyEntry ae"
                + " where k.organisation.id = :org and (ee.id in :ids or ae.id in :ids) order by c.calledAt desc, k.id desc",
            JobOfferCheck.class)
        .setParameter("org", organisationId)
        .setParameter("ids", entryIds)
        .getResultList()
        .stream()
        .map(CheckLine::of)
        .toList();
  }

  /**
   * Maps a call.
   *
   * @param c the call
   * @param check its check, or {@code null}
   * @param withContact whether the caller's contact may be shown (only to the call's organisation)
   * @return the row
   */
  public static HotlineService.CallRow row(HotlineCall c, CheckLine check, boolean withContact) {
    CaseFile linked = c.getCaseFile();
    return new HotlineService.CallRow(
        c.getId(),
        c.getVersion(),
        c.getCalledAt(),
        c.getDurationMinutes(),
        c.getChannel(),
        c.getCallerType(),
        c.getLanguage(),
        c.getPurpose(),
        c.getSummary(),
        c.getCallOutcome(),
        c.getFollowUpOn(),
        c.getFollowedUpAt() != null,
        c.getTakenBy().getDisplayName(),
        c.getCallerAlias(),
        withContact ? c.getCallerContact() : null,
        linked == null ? null : linked.getId(),
        linked == null ? null : linked.getCode(),
        check);
  }

  /**
   * A call of the viewer's organisation, as the user saw it.
   *
   * @param viewer a hotline user
   * @param callId the call
   * @param version the call's version the user saw
   * @return the call
   * @throws InvalidRequestException {@code hotline.error.callNotFound} for a call of another
   *     organisation or none
   * @throws ConcurrentUpdateException when the call changed meanwhile
   * @throws rs.astra.nrm.organisation.NotPermittedException for users who are not hotline users
   */
  public HotlineCall ownCall(Viewer viewer, long callId, long version) {
    HotlineUsers.require(viewer);
    HotlineCall call =
        em.createQuery(
                "select c from HotlineCall c where c.id = :id and c.organisation.id = :org",
                HotlineCall.class)
            .setParameter("id", callId)
            .setParameter("org", viewer.organisationId())
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new InvalidRequestException("hotline.error.callNotFound"));
    if (call.getVersion() != version) {
      throw new ConcurrentUpdateException("hotline call");
    }
    return call;
  }

  /**
   * A form's text as stored: {@code null} for blank, trimmed, runs of spaces and tabs made one.
   *
   * @param s the text, may be {@code null}
   * @return the text, or {@code null}
   */
  public static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip().replaceAll("[ \\t]+", " ");
  }
}
