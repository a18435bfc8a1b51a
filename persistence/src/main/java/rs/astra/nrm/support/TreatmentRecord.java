package rs.astra.nrm.support;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalUser;

/**
 * A health institution's record of treatment given to the person; data category HEALTH (special
 * category, GDPR Art. 9; Law 87/2018 art. 17). Only health institutions record them; each belongs
 * to the institution that wrote it and is not changed afterwards. Its {@link #getDay() day} is the
 * day of the treatment (column {@code treated_on}), its {@link #getText() text} the treatment given
 * (column {@code treatment}), its {@link #getNote() note} a note.
 */
@Entity
@Table(name = "treatment_record")
@AttributeOverride(name = "day", column = @Column(name = "treated_on", updatable = false))
@AttributeOverride(name = "text", column = @Column(name = "treatment", updatable = false))
public class TreatmentRecord extends InstitutionRecord {

  @Id
  @SequenceGenerator(
      name = "treatment_record_seq",
      sequenceName = "treatment_record_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "treatment_record_seq")
  private Long id;

  /** For JPA only. */
  protected TreatmentRecord() {}

  /**
   * Records a treatment.
   *
   * @param caseFile the case
   * @param by a health worker; her institution owns the record
   * @param treatedOn the day of the treatment (Europe/Belgrade)
   * @param treatment the treatment given, not blank, up to {@value #MAX_TEXT} characters
   * @param note a note, may be {@code null}, up to {@value #MAX_TEXT} characters
   * @param at when it is recorded (UTC)
   * @throws IllegalArgumentException when the author's organisation is not a health institution,
   *     the treatment is blank or a text is too long
   */
  public TreatmentRecord(
      CaseFile caseFile,
      PortalUser by,
      LocalDate treatedOn,
      String treatment,
      String note,
      Instant at) {
    super(
        caseFile,
        by,
        OrganisationType::recordsTreatments,
        "only a health institution records a treatment",
        treatedOn,
        treatment,
        note,
        at);
  }

  /**
   * @return the id, {@code null} until persisted
   */
  @Override
  public Long getId() {
    return id;
  }
}
