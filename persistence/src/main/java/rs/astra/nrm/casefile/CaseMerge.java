package rs.astra.nrm.casefile;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import rs.astra.nrm.shared.RequiredText;

/**
 * Two cases of one person merged into one (issue 19): the absorbed case's records were moved to the
 * survivor, and this record keeps which ones, per table, so that an undo within {@link
 * #UNDO_PERIOD} moves exactly those back (rows created on the survivor since stay there). Audit
 * records are never moved; the survivor's access report also reads those of the absorbed case's
 * person while the merge stands.
 */
@Entity
@Table(name = "case_merge")
@NamedQuery(
    name = CaseMerge.FIND_BY_SURVIVOR,
    query = "select m from CaseMerge m where m.survivorId = :caseId order by m.mergedAt, m.id")
public class CaseMerge {

  /** Named query: the merges into a case ({@code caseId}), oldest first. */
  public static final String FIND_BY_SURVIVOR = "CaseMerge.findBySurvivor";

  /** How long a merge may be undone: 30 days from the merge (issue 19). */
  public static final Duration UNDO_PERIOD = Duration.ofDays(30);

  /** Longest reason, in characters. */
  public static final int MAX_REASON = 2000;

  /** One row a merge moved: its table (e.g. {@code referral}) and id. */
  @Embeddable
  public static class MovedRow {
    @Column(name = "table_name", nullable = false, length = 40)
    private String tableName;

    @Column(name = "row_id", nullable = false)
    private long rowId;

    /** For JPA only. */
    protected MovedRow() {}

    /**
     * @param tableName the table, e.g. {@code referral}
     * @param rowId the row's id
     */
    public MovedRow(String tableName, long rowId) {
      this.tableName = Objects.requireNonNull(tableName, "tableName");
      this.rowId = rowId;
    }

    /**
     * @return the table
     */
    public String tableName() {
      return tableName;
    }

    /**
     * @return the row's id
     */
    public long rowId() {
      return rowId;
    }
  }

  @Id
  @SequenceGenerator(name = "case_merge_seq", sequenceName = "case_merge_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_merge_seq")
  private Long id;

  @Version private long version;

  @Column(name = "survivor_id", nullable = false, updatable = false)
  private long survivorId;

  @Column(name = "absorbed_id", nullable = false, updatable = false)
  private long absorbedId;

  @Column(name = "merged_by_id", nullable = false, updatable = false)
  private long mergedById;

  @Column(name = "merged_at", nullable = false, updatable = false)
  private Instant mergedAt;

  @Column(nullable = false, length = MAX_REASON, updatable = false)
  private String reason;

  @Column(name = "undone_by_id")
  private Long undoneById;

  @Column(name = "undone_at")
  private Instant undoneAt;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "case_merge_row", joinColumns = @JoinColumn(name = "case_merge_id"))
  private List<MovedRow> movedRows = new ArrayList<>();

  /** For JPA only. */
  protected CaseMerge() {}

  /**
   * Records a merge.
   *
   * @param survivorId the case that stays
   * @param absorbedId the case merged into it
   * @param mergedById the coordinator who merged them
   * @param mergedAt when (UTC)
   * @param reason why, 1–2000 characters (stripped)
   * @param movedRows every row moved from the absorbed case to the survivor
   * @throws IllegalArgumentException for one case merged into itself, or a blank or too long reason
   */
  public CaseMerge(
      long survivorId,
      long absorbedId,
      long mergedById,
      Instant mergedAt,
      String reason,
      List<MovedRow> movedRows) {
    if (survivorId == absorbedId) {
      throw new IllegalArgumentException("a case cannot be merged into itself");
    }
    String why = RequiredText.of(reason, MAX_REASON, "a reason");
    this.survivorId = survivorId;
    this.absorbedId = absorbedId;
    this.mergedById = mergedById;
    this.mergedAt = Objects.requireNonNull(mergedAt, "mergedAt");
    this.reason = why;
    this.movedRows = new ArrayList<>(movedRows);
  }

  /**
   * Whether the merge may still be undone at an instant: not undone yet and at most {@link
   * #UNDO_PERIOD} (30 × 24 hours) after it was made.
   *
   * @param now the instant (UTC)
   * @return {@code true} when {@link #undo} would succeed
   */
  public boolean undoableAt(Instant now) {
    return undoneAt == null && !now.isAfter(mergedAt.plus(UNDO_PERIOD));
  }

  /**
   * Records the undo; the caller moves {@link #getMovedRows()} back.
   *
   * @param userId the coordinator who undoes it
   * @param now when (UTC)
   * @throws IllegalStateException if it was undone already or is older than 30 days
   */
  public void undo(long userId, Instant now) {
    if (undoneAt != null) {
      throw new IllegalStateException("merge already undone");
    }
    if (!undoableAt(now)) {
      throw new IllegalStateException("merge older than 30 days");
    }
    undoneById = userId;
    undoneAt = now;
  }

  /**
   * @return the id
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
   * @return the case that stays
   */
  public long getSurvivorId() {
    return survivorId;
  }

  /**
   * @return the case merged into it
   */
  public long getAbsorbedId() {
    return absorbedId;
  }

  /**
   * @return who merged them
   */
  public long getMergedById() {
    return mergedById;
  }

  /**
   * @return when (UTC)
   */
  public Instant getMergedAt() {
    return mergedAt;
  }

  /**
   * @return why
   */
  public String getReason() {
    return reason;
  }

  /**
   * @return when it was undone (UTC), or {@code null}
   */
  public Instant getUndoneAt() {
    return undoneAt;
  }

  /**
   * @return who undid it, or {@code null}
   */
  public Long getUndoneById() {
    return undoneById;
  }

  /**
   * @return the rows moved, unmodifiable
   */
  public List<MovedRow> getMovedRows() {
    return List.copyOf(movedRows);
  }
}
