package rs.astra.nrm.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * The active organisations offered in the portal's menus (a consent's recipient, a referral's, a
 * service's provider), kept by each server for at most {@link #FRESH_FOR_NANOS} (30 seconds) so
 * that a case page does not read the organisation table on every request (issue 16: a case page in
 * few statements). An administrator's change of an organisation ({@link OrganisationsChanged})
 * empties this server's copy once its transaction ends, so the change shows on this server's next
 * page; another server of a cluster shows it within the 30 seconds. What is offered is never what
 * is trusted: recording a consent, sending a referral and adding a service refuse an organisation
 * deactivated since ({@code organisation.error.inactive}).
 *
 * <p>The list holds ids and names of organisations, no personal data.
 */
@ApplicationScoped
public class ActiveOrganisationChoices {

  /** How long a server keeps the list it read: 30 seconds, in nanoseconds. */
  static final long FRESH_FOR_NANOS = 30_000_000_000L;

  @Inject private UserDirectory directory;

  /** What was read, and when ({@link System#nanoTime()}). */
  private record Snapshot(List<UserDirectory.OrganisationChoice> choices, long readAt) {}

  private volatile Snapshot snapshot;

  /** Moves at every change, so that a read that began before a change is not kept after it. */
  private final AtomicLong changes = new AtomicLong();

  /**
   * The active organisations, ordered by name.
   *
   * @return ids and names ({@link UserDirectory#organisations()}), read at most every 30 seconds
   *     and again after an administrator's change on this server
   */
  public List<UserDirectory.OrganisationChoice> list() {
    return list(System.nanoTime(), directory::organisations);
  }

  /**
   * {@link #list()} at a given time with a given source (for tests).
   *
   * @param now {@link System#nanoTime()}
   * @param read reads the list from the database
   * @return the list kept, or the one read now
   */
  List<UserDirectory.OrganisationChoice> list(
      long now, Supplier<List<UserDirectory.OrganisationChoice>> read) {
    Snapshot kept = snapshot;
    if (kept != null && now - kept.readAt() < FRESH_FOR_NANOS) {
      return kept.choices();
    }
    long before = changes.get();
    List<UserDirectory.OrganisationChoice> fresh = List.copyOf(read.get());
    // Kept only when no change was announced while it was read: the next call reads again.
    if (changes.get() == before) {
      snapshot = new Snapshot(fresh, now);
    }
    return fresh;
  }

  /**
   * Forgets the list kept: called when an administrator's change of an organisation has ended its
   * transaction (committed or not, which costs at most one more read).
   *
   * @param change the change
   */
  void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) OrganisationsChanged change) {
    changes.incrementAndGet();
    snapshot = null;
  }

  /**
   * The check behind "what is offered is not trusted": a consent's or referral's recipient or a
   * service's provider must be active when the change is recorded, whatever the form offered.
   *
   * @param chosen the organisation the form named, found
   * @return {@code chosen}
   * @throws InvalidRequestException {@code organisation.error.inactive} when it was deactivated
   */
  public static Organisation requireActive(Organisation chosen) {
    if (!chosen.isActive()) {
      throw new InvalidRequestException("organisation.error.inactive");
    }
    return chosen;
  }

  /** An organisation was created, renamed, retyped, deactivated or reactivated. */
  public record OrganisationsChanged() {}
}
