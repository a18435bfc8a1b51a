package rs.astra.nrm.casefile;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stores a set of ISO 3166-1 alpha-2 country codes (HTCDS {@code prs_Citizenship}, multi-select) as
 * one text column, codes sorted and joined by {@code ;} (e.g. {@code BA;RS}); empty is {@code null}.
 */
@Converter
public class CountryCodeSetConverter implements AttributeConverter<Set<String>, String> {

  @Override
  public String convertToDatabaseColumn(Set<String> codes) {
    if (codes == null || codes.isEmpty()) {
      return null;
    }
    return String.join(";", new TreeSet<>(codes));
  }

  @Override
  public Set<String> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return Set.of();
    }
    TreeSet<String> codes = new TreeSet<>();
    Arrays.stream(column.split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(codes::add);
    return Collections.unmodifiableSet(codes);
  }
}
