package rs.astra.nrm.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Two cases a coordinator marked "not the same person" (issue 19): the pair is no longer offered as
 * possible duplicates. Stored with the lower case id first, so that a pair has one row.
 */
@Entity
@Table(name = "case_distinct_pair")
public class DistinctPersonsMark {

  @Id
  @SequenceGenerator(
      name = "case_distinct_pair_seq",
      sequenceName = "case_distinct_pair_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_distinct_pair_seq")
  private Long id;

  @Column(name = "first_case_id", nullable = false, updatable = false)
  private long firstCaseId;

  @Column(name = "second_case_id", nullable = false, updatable = false)
  private long secondCaseId;

  @Column(name = "marked_by_id", nullable = false, updatable = false)
  private long markedById;

  @Column(name = "marked_at", nullable = false, updatable = false)
  private Instant markedAt;

  /** For JPA only. */
  protected DistinctPersonsMark() {}

  /**
   * Marks two cases as cases of different persons.
   *
   * @param oneCaseId one case
   * @param otherCaseId the other case, in either order
   * @param markedById the coordinator who marked them
   * @param markedAt when (UTC)
   * @throws IllegalArgumentException if both are the same case
   */
  public DistinctPersonsMark(long oneCaseId, long otherCaseId, long markedById, Instant markedAt) {
    if (oneCaseId == otherCaseId) {
      throw new IllegalArgumentException("a case is always its own person");
    }
    this.firstCaseId = Math.min(oneCaseId, otherCaseId);
    this.secondCaseId = Math.max(oneCaseId, otherCaseId);
    this.markedById = markedById;
    this.markedAt = Objects.requireNonNull(markedAt, "markedAt");
  }

  /**
   * @return the lower case id of the pair
   */
  public long getFirstCaseId() {
    return firstCaseId;
  }

  /**
   * @return the higher case id of the pair
   */
  public long getSecondCaseId() {
    return secondCaseId;
  }
}
