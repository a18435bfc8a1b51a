package rs.astra.nrm.shared;

/**
 * An enum attribute as the index of its constant in a JPQL select list, for the branches of a JPQL
 * {@code UNION ALL}: every branch must give a column of one type, so an attribute whose enum only
 * one branch has is selected as an integer, which the other branches fill with {@code -1}. The
 * reader turns it back with {@link #constant}.
 */
public final class JpqlEnumIndex {

  private JpqlEnumIndex() {}

  /**
   * A JPQL {@code CASE} expression giving the index ({@link Enum#ordinal()}) of the constant held
   * by {@code path}.
   *
   * @param path the attribute's JPQL path, for example {@code r.state}; it must never be null (JPQL
   *     wants an {@code ELSE}, which is the last constant)
   * @param type the enum
   * @return the expression, for example {@code case when r.state = …PROPOSED then 0 … else 5 end}
   */
  public static String of(String path, Class<? extends Enum<?>> type) {
    Enum<?>[] constants = type.getEnumConstants();
    StringBuilder cases = new StringBuilder("case");
    for (int i = 0; i < constants.length - 1; i++) {
      cases
          .append(" when ")
          .append(path)
          .append(" = ")
          .append(type.getName())
          .append('.')
          .append(constants[i].name())
          .append(" then ")
          .append(i);
    }
    return cases.append(" else ").append(constants.length - 1).append(" end").toString();
  }

  /**
   * The constant of an index read from a column made by {@link #of}.
   *
   * @param <E> the enum
   * @param type the enum
   * @param index the column's value (an {@link Integer} or another {@link Number}, as the driver
   *     gives it)
   * @return the constant
   * @throws ArrayIndexOutOfBoundsException when the index is not one of the enum's (the column was
   *     filled by a branch of another kind)
   */
  public static <E extends Enum<E>> E constant(Class<E> type, Object index) {
    return type.getEnumConstants()[((Number) index).intValue()];
  }
}
