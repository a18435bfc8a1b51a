package rs.astra.nrm.exchange;

import java.util.Arrays;
import java.util.Optional;

/**
 * The age bands of the Counter Trafficking Data Collaborative (CTDC) global dataset ({@code
 * ageBroad}), used for every age in the portal's statistics: 0–8, 9–17, 18–20, 21–23, 24–26, 27–29,
 * 30–38, 39–47, 48 and over. The CTDC writes them with a double dash ({@code 0--8}).
 */
public enum AgeBand {
  /** 0 to 8 years. */
  AGE_0_8("0--8", 0, 8),
  /** 9 to 17 years. */
  AGE_9_17("9--17", 9, 17),
  /** 18 to 20 years. */
  AGE_18_20("18--20", 18, 20),
  /** 21 to 23 years. */
  AGE_21_23("21--23", 21, 23),
  /** 24 to 26 years. */
  AGE_24_26("24--26", 24, 26),
  /** 27 to 29 years. */
  AGE_27_29("27--29", 27, 29),
  /** 30 to 38 years. */
  AGE_30_38("30--38", 30, 38),
  /** 39 to 47 years. */
  AGE_39_47("39--47", 39, 47),
  /** 48 years and over. */
  AGE_48_PLUS("48+", 48, Integer.MAX_VALUE);

  private final String ctdcLabel;
  private final int from;
  private final int to;

  AgeBand(String ctdcLabel, int from, int to) {
    this.ctdcLabel = ctdcLabel;
    this.from = from;
    this.to = to;
  }

  /**
   * @return the CTDC text, e.g. {@code 0--8} or {@code 48+}
   */
  public String ctdcLabel() {
    return ctdcLabel;
  }

  /**
   * @return the youngest age in the band, in completed years
   */
  public int from() {
    return from;
  }

  /**
   * @return the oldest age in the band, {@link Integer#MAX_VALUE} for the last
   */
  public int to() {
    return to;
  }

  /**
   * @return whether everyone in the band is a child (under 18)
   */
  public boolean minor() {
    return to < rs.astra.nrm.shared.Majority.ADULT_AGE;
  }

  /**
   * The band of an age.
   *
   * @param age completed years, 0 or more
   * @return the band
   * @throws IllegalArgumentException for a negative age
   */
  public static AgeBand ofAge(int age) {
    if (age < 0) {
      throw new IllegalArgumentException("age cannot be negative");
    }
    return Arrays.stream(values())
        .filter(b -> age >= b.from && age <= b.to)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Reads a CTDC age band.
   *
   * @param text e.g. {@code 9--17} or {@code 48+}; surrounding spaces ignored
   * @return the band, or empty when the text is no CTDC band
   */
  public static Optional<AgeBand> fromCtdc(String text) {
    String t = text == null ? "" : text.strip();
    return Arrays.stream(values()).filter(b -> b.ctdcLabel.equals(t)).findFirst();
  }
}
