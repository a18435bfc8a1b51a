package rs.astra.nrm.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.shared.RequiredText;

/**
 * A proposal to transfer a case to another organisation (issue 19): the owning organisation gives a
 * reason (free text, kept in the portal only) and the basis — the person's active consent for the
 * receiving organisation (GDPR Art. 6(1)(a)) or a legal basis such as a child's case going to the
 * centre for social work (Law on Social Protection, Sl. glasnik RS 24/2011; GDPR Art. 6(1)(e)). The
 * receiving organisation accepts — and becomes the owner ({@link CaseFile#transferTo}) — or
 * declines with a reason; the owner may withdraw it while it is open. One open proposal per case:
 * {@code open_case_id} is the case's id while open, so the database refuses a second one.
 */
@Entity
@Table(name = "case_transfer")
@NamedQuery(
    name = CaseTransfer.FIND_BY_CASE,
    query =
        "select t from CaseTransfer t join fetch t.fromOrganisation join fetch t.toOrganisation"
            + " where t.caseFile.id = :caseId order by t.proposedAt, t.id")
public class CaseTransfer {

  /** Named query: the transfers of a case ({@code caseId}), oldest first. */
  public static final String FIND_BY_CASE = "CaseTransfer.findByCase";

  /** The longest reason, in characters. */
  public static final int MAX_REASON = 2000;

  @Id
  @SequenceGenerator(
      name = "case_transfer_seq",
      sequenceName = "case_transfer_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_transfer_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id", nullable = false, updatable = false)
  private CaseFile caseFile;

  @Column(name = "open_case_id")
  private Long openCaseId;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "from_organisation_id", nullable = false, updatable = false)
  private Organisation fromOrganisation;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "to_organisation_id", nullable = false, updatable = false)
  private Organisation toOrganisation;

  @Column(nullable = false, length = MAX_REASON, updatable = false)
  private String reason;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "consent_id", updatable = false)
  private Consent consent;

  @Column(name = "legal_basis", length = 60, updatable = false)
  private String legalBasis;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private TransferState state;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "proposed_by_id", nullable = false, updatable = false)
  private PortalUser proposedBy;

  @Column(name = "proposed_at", nullable = false, updatable = false)
  private Instant proposedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "answered_by_id")
  private PortalUser answeredBy;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "decline_reason", length = MAX_REASON)
  private String declineReason;

  /** For JPA only. */
  protected CaseTransfer() {}

  /**
   * Proposes a transfer.
   *
   * @param caseFile the case, owned by {@code from}
   * @param from the owning organisation
   * @param to the receiving organisation, not {@code from}
   * @param reason why, 1–2000 characters
   * @param consent the person's active consent for {@code to}, or {@code null} when a legal basis
   *     carries it
   * @param legalBasis the legal basis's code, or {@code null} when a consent carries it
   * @param by who proposes
   * @param at when (UTC)
   * @return the proposal, to be persisted
   * @throws IllegalArgumentException if the reason is blank or too long, both or neither basis is
   *     given, or the organisations are the same
   */
  public static CaseTransfer propose(
      CaseFile caseFile,
      Organisation from,
      Organisation to,
      String reason,
      Consent consent,
      String legalBasis,
      PortalUser by,
      Instant at) {
    CaseTransfer t = new CaseTransfer();
    t.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    t.fromOrganisation = Objects.requireNonNull(from, "from");
    t.toOrganisation = Objects.requireNonNull(to, "to");
    if (from.getId().equals(to.getId())) {
      throw new IllegalArgumentException("a case is not transferred to its own owner");
    }
    if ((consent == null) == (legalBasis == null)) {
      throw new IllegalArgumentException("a transfer rests on a consent or on a legal basis");
    }
    t.reason = requireReason(reason);
    t.consent = consent;
    t.legalBasis = legalBasis;
    t.proposedBy = Objects.requireNonNull(by, "by");
    t.proposedAt = Objects.requireNonNull(at, "at");
    t.state = TransferState.PROPOSED;
    t.openCaseId = caseFile.getId();
    return t;
  }

  /**
   * The receiving organisation accepts: PROPOSED → ACCEPTED, and the case is its own, with the
   * accepting user as its caseworker.
   *
   * @param by a user of the receiving organisation
   * @param at when (UTC)
   * @throws IllegalStateException if the proposal is not open
   * @throws IllegalArgumentException if the user is not of the receiving organisation
   */
  public void accept(PortalUser by, Instant at) {
    requireOpen();
    if (!by.getOrganisation().getId().equals(toOrganisation.getId())) {
      throw new IllegalArgumentException("only the receiving organisation accepts");
    }
    caseFile.transferTo(by);
    close(TransferState.ACCEPTED, by, at);
  }

  /**
   * The receiving organisation declines, with a reason: PROPOSED → DECLINED; the owner keeps it.
   *
   * @param by a user of the receiving organisation
   * @param why 1–2000 characters
   * @param at when (UTC)
   * @throws IllegalStateException if the proposal is not open
   * @throws IllegalArgumentException if the reason is blank or too long
   */
  public void decline(PortalUser by, String why, Instant at) {
    requireOpen();
    String checked = requireReason(why);
    close(TransferState.DECLINED, by, at);
    declineReason = checked;
  }

  /**
   * The owner withdraws the open proposal: PROPOSED → WITHDRAWN.
   *
   * @param by a user of the owning organisation
   * @param at when (UTC)
   * @throws IllegalStateException if the proposal is not open
   */
  public void withdraw(PortalUser by, Instant at) {
    requireOpen();
    close(TransferState.WITHDRAWN, by, at);
  }

  /**
   * The proposal lapses because the person's consent it rests on expired: PROPOSED → WITHDRAWN, as
   * if the owner had withdrawn it, but by nobody (the portal's hourly consent-expiry job closes
   * it).
   *
   * @param at when (UTC)
   * @throws IllegalStateException if the proposal is not open
   */
  public void lapse(Instant at) {
    requireOpen();
    answeredAt = Objects.requireNonNull(at, "at");
    answeredBy = null;
    state = TransferState.WITHDRAWN;
    openCaseId = null;
  }

  private void close(TransferState next, PortalUser by, Instant at) {
    answeredBy = Objects.requireNonNull(by, "by");
    answeredAt = Objects.requireNonNull(at, "at");
    state = next;
    openCaseId = null;
  }

  private void requireOpen() {
    if (!state.isOpen()) {
      throw new IllegalStateException("the transfer is " + state + ", not open");
    }
  }

  private static String requireReason(String reason) {
    return RequiredText.of(reason, MAX_REASON, "a reason");
  }

  /**
   * @return the database id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the optimistic-lock version
   */
  public long getVersion() {
    return version;
  }

  /**
   * @return the case
   */
  public CaseFile getCaseFile() {
    return caseFile;
  }

  /**
   * @return the organisation that owned the case when it proposed the transfer
   */
  public Organisation getFromOrganisation() {
    return fromOrganisation;
  }

  /**
   * @return the receiving organisation
   */
  public Organisation getToOrganisation() {
    return toOrganisation;
  }

  /**
   * @return why the owner proposes it (free text, shown in the portal only)
   */
  public String getReason() {
    return reason;
  }

  /**
   * @return the consent it rests on, or {@code null}
   */
  public Consent getConsent() {
    return consent;
  }

  /**
   * @return the legal basis's code, or {@code null}
   */
  public String getLegalBasis() {
    return legalBasis;
  }

  /**
   * @return where it stands
   */
  public TransferState getState() {
    return state;
  }

  /**
   * @return who proposed it
   */
  public PortalUser getProposedBy() {
    return proposedBy;
  }

  /**
   * @return when it was proposed (UTC)
   */
  public Instant getProposedAt() {
    return proposedAt;
  }

  /**
   * @return who accepted, declined or withdrew it, or {@code null}
   */
  public PortalUser getAnsweredBy() {
    return answeredBy;
  }

  /**
   * @return when it was answered or withdrawn, or {@code null}
   */
  public Instant getAnsweredAt() {
    return answeredAt;
  }

  /**
   * @return why it was declined, or {@code null}
   */
  public String getDeclineReason() {
    return declineReason;
  }
}
