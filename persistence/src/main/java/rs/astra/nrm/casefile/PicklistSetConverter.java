package rs.astra.nrm.casefile;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores an HTCDS multi-select picklist ({@code Set} of enum values) in one text column as the
 * value names joined by {@code ;} in declaration order, e.g. {@code SexualExploitation;ForcedBegging}
 * — the same form the HTCDS spreadsheet uses. An empty set is stored as {@code null}.
 *
 * @param <E> the picklist enum
 */
public abstract class PicklistSetConverter<E extends Enum<E>> implements AttributeConverter<Set<E>, String> {

  private final Class<E> type;

  /**
   * @param type the enum class of the picklist
   */
  protected PicklistSetConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public String convertToDatabaseColumn(Set<E> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    return EnumSet.copyOf(values).stream().map(Enum::name).collect(Collectors.joining(";"));
  }

  @Override
  public Set<E> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return Collections.unmodifiableSet(EnumSet.noneOf(type));
    }
    EnumSet<E> set = EnumSet.noneOf(type);
    Arrays.stream(column.split(";")).map(String::strip).filter(s -> !s.isEmpty())
        .forEach(name -> set.add(Enum.valueOf(type, name)));
    return Collections.unmodifiableSet(set);
  }

  /** Converter for {@code vic_MethodOfRecruitment}. */
  @jakarta.persistence.Converter
  public static class MethodOfRecruitmentSet extends PicklistSetConverter<MethodOfRecruitment> {
    /** Creates the converter. */
    public MethodOfRecruitmentSet() {
      super(MethodOfRecruitment.class);
    }
  }

  /** Converter for {@code vic_MethodsOfControl}. */
  @jakarta.persistence.Converter
  public static class MethodOfControlSet extends PicklistSetConverter<MethodOfControl> {
    /** Creates the converter. */
    public MethodOfControlSet() {
      super(MethodOfControl.class);
    }
  }

  /** Converter for {@code vic_TypeOfExploitation}. */
  @jakarta.persistence.Converter
  public static class TypeOfExploitationSet extends PicklistSetConverter<TypeOfExploitation> {
    /** Creates the converter. */
    public TypeOfExploitationSet() {
      super(TypeOfExploitation.class);
    }
  }

  /** Converter for {@code vic_TypeOfSexExploitation}. */
  @jakarta.persistence.Converter
  public static class TypeOfSexExploitationSet extends PicklistSetConverter<TypeOfSexExploitation> {
    /** Creates the converter. */
    public TypeOfSexExploitationSet() {
      super(TypeOfSexExploitation.class);
    }
  }
}
