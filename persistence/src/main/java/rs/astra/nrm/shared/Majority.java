package rs.astra.nrm.shared;

import java.time.LocalDate;
import java.time.Period;

/**
 * The age of majority: below it a person is a child (Family Act of Serbia, Art. 11; UN Convention
 * on the Rights of the Child, Art. 1). The one place the portal states it: who decides an
 * identification (a centre for social work for a child, the CPTV for an adult), the identification
 * queues and the statistics' age bands ask here.
 */
public final class Majority {

  /** The age of majority in completed years: 18. */
  public static final int ADULT_AGE = 18;

  private Majority() {}

  /**
   * Whether a person born on {@code birthdate} is a child on {@code day}.
   *
   * @param birthdate her date of birth, or {@code null} when unknown
   * @param day the day asked about (Europe/Belgrade)
   * @return {@code true} when she has not completed {@link #ADULT_AGE} years; {@code false} when
   *     the birthdate is unknown
   */
  public static boolean isChild(LocalDate birthdate, LocalDate day) {
    return birthdate != null && Period.between(birthdate, day).getYears() < ADULT_AGE;
  }
}
