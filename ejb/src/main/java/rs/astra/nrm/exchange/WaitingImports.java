package rs.astra.nrm.exchange;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import rs.astra.nrm.organisation.Viewer;

/**
 * The files the HTCDS import waits with for the user's choice about rows of known persons (issue
 * 19), kept in the database ({@code import_waiting_file}, V35_1) rather than in the page's view
 * state in the session (issue 20 wants sessions small: a spreadsheet may be 20 MB). The page holds
 * only a random id ({@link UUID}, 122 random bits), which leads to the file for the user who
 * uploaded it and nobody else, for {@link #KEPT} at most. A file is deleted when it is taken for
 * the import, when the user cancels, when it expires (on every keep and take, and by the hourly job
 * {@link WaitingImportCleanup}); nothing else reads it. The file holds personal data of the rows,
 * exactly as the uploaded file does; it is never logged.
 */
@Stateless
public class WaitingImports {

  /** How long a file waits for the user's choice. */
  public static final Duration KEPT = Duration.ofHours(1);

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * A waiting file.
   *
   * @param fileName the name it was uploaded with
   * @param content its bytes
   */
  public record WaitingFile(String fileName, byte[] content) implements Serializable {}

  /**
   * Keeps a file for the user's choice.
   *
   * @param viewer the user who uploaded it
   * @param fileName its name, cut to 255 characters
   * @param content its bytes
   * @return the random id the page holds instead of the file
   */
  public String keep(Viewer viewer, String fileName, byte[] content) {
    Instant now = Instant.now();
    deleteExpired(now);
    String id = UUID.randomUUID().toString();
    String name = fileName == null ? "" : fileName;
    em.createNativeQuery(
            "insert into import_waiting_file (id, organisation_id, user_id, file_name, content,"
                + " stored_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, id)
        .setParameter(2, viewer.organisationId())
        .setParameter(3, viewer.userId())
        .setParameter(4, name.length() > 255 ? name.substring(0, 255) : name)
        .setParameter(5, content)
        .setParameter(6, Timestamp.from(now))
        .executeUpdate();
    return id;
  }

  /**
   * Takes a waiting file for the import: it is deleted as it is read.
   *
   * @param viewer the user who chooses
   * @param id the id {@link #keep} gave
   * @return the file, or empty when there is none under that id for this user (taken already,
   *     cancelled, expired, or another user's)
   */
  public Optional<WaitingFile> take(Viewer viewer, String id) {
    Instant now = Instant.now();
    deleteExpired(now);
    if (id == null) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select file_name, content from import_waiting_file where id = ?1 and user_id = ?2")
            .setParameter(1, id)
            .setParameter(2, viewer.userId())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    WaitingFile file = new WaitingFile((String) rows.get(0)[0], bytes(rows.get(0)[1]));
    discard(viewer, id);
    return Optional.of(file);
  }

  /**
   * Forgets a waiting file (the user cancelled).
   *
   * @param viewer the user
   * @param id its id; {@code null} does nothing
   */
  public void discard(Viewer viewer, String id) {
    if (id == null) {
      return;
    }
    em.createNativeQuery("delete from import_waiting_file where id = ?1 and user_id = ?2")
        .setParameter(1, id)
        .setParameter(2, viewer.userId())
        .executeUpdate();
  }

  /**
   * Deletes the files kept longer than {@link #KEPT}.
   *
   * @param now the present instant (UTC)
   * @return how many were deleted
   */
  public int deleteExpired(Instant now) {
    return em.createNativeQuery("delete from import_waiting_file where stored_at < ?1")
        .setParameter(1, Timestamp.from(now.minus(KEPT)))
        .executeUpdate();
  }

  /**
   * How many files wait, of all users (for tests and operations; no content is read).
   *
   * @return the number of rows
   */
  public long count() {
    return ((Number)
            em.createNativeQuery("select count(*) from import_waiting_file").getSingleResult())
        .longValue();
  }

  private static byte[] bytes(Object content) {
    try {
      return switch (content) {
        case byte[] b -> b;
        case java.sql.Blob b -> b.getBytes(1, (int) b.length());
        default -> throw new IllegalStateException("not a file: " + content.getClass());
      };
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("the waiting file cannot be read", e);
    }
  }
}
