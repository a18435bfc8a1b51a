package rs.astra.nrm.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.OrganisationType;

/**
 * What sets the two kinds of institution record apart is what the twin services, entities and pages
 * used before they became one (issue 16): the category, who records, the timeline event, the error
 * keys, and the entity names, tables and columns (no schema change).
 */
class InstitutionRecordKindTest {

  @Test
  void eachKindKeepsWhatItsTwinServiceUsed() {
    // In the order ASSESSMENT, TREATMENT.
    assertEquals(List.of(DataCategory.SOCIAL, DataCategory.HEALTH), each(k -> k.category()));
    assertEquals(
        List.of(
            EnumSet.of(OrganisationType.SOCIAL_WORK_CENTRE), EnumSet.of(OrganisationType.HEALTH)),
        each(InstitutionRecordKindTest::recorders));
    assertEquals(List.of(AssessmentNote.class, TreatmentRecord.class), each(k -> k.entity()));
    assertEquals(
        List.of(CaseEvent.Type.ASSESSMENT_RECORDED, CaseEvent.Type.TREATMENT_RECORDED),
        each(k -> k.event()));
    assertEquals(
        List.of(
            "support.error.assessmentBySocialWorkCentre",
            "support.error.treatmentByHealthInstitution"),
        each(k -> k.wrongOrganisationKey()));
    assertEquals(
        List.of("support.error.assessmentIncomplete", "support.error.treatmentIncomplete"),
        each(k -> k.incompleteKey()));
  }

  @Test
  void eachKindAgreesWithTheOrganisationTypesOwnRule() {
    for (OrganisationType t : OrganisationType.values()) {
      assertEquals(
          t.recordsAssessments(), InstitutionRecordKind.ASSESSMENT.recordedBy(t), t.name());
      assertEquals(t.recordsTreatments(), InstitutionRecordKind.TREATMENT.recordedBy(t), t.name());
    }
  }

  @Test
  void theEntitiesKeepTheirNamesTablesAndColumns() {
    assertEquals(
        List.of(
            "assessment_note",
            Map.of("day", "assessed_on", "text", "assessment", "note", "recommended_measures")),
        mapping(AssessmentNote.class));
    assertEquals(
        List.of(
            "treatment_record", Map.of("day", "treated_on", "text", "treatment", "note", "note")),
        mapping(TreatmentRecord.class));
  }

  private static List<Object> each(Function<InstitutionRecordKind, Object> what) {
    return Arrays.stream(InstitutionRecordKind.values()).map(what).toList();
  }

  private static EnumSet<OrganisationType> recorders(InstitutionRecordKind kind) {
    return Arrays.stream(OrganisationType.values())
        .filter(kind::recordedBy)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrganisationType.class)));
  }

  /**
   * The table and the column of each of the day and the texts (the entity's override, else the
   * superclass's); the JPQL entity name stays the class's simple name.
   */
  private static List<Object> mapping(Class<?> entity) {
    assertEquals("", entity.getAnnotation(Entity.class).name(), "JPQL name");
    Map<String, String> columns = new LinkedHashMap<>();
    for (String field : List.of("day", "text", "note")) {
      try {
        columns.put(
            field,
            InstitutionRecord.class.getDeclaredField(field).getAnnotation(Column.class).name());
      } catch (NoSuchFieldException e) {
        throw new AssertionError(e);
      }
    }
    for (AttributeOverride o : entity.getAnnotationsByType(AttributeOverride.class)) {
      columns.put(o.name(), o.column().name());
    }
    return List.of(entity.getAnnotation(Table.class).name(), columns);
  }
}
