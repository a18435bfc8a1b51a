package rs.astra.nrm.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.crypto.SecretKey;

/**
 * Writes and reads a document's encrypted contents in {@code case_document_content} (migration
 * V17_1: PostgreSQL {@code bytea}, H2 {@code BLOB}), one row per {@link DocumentCipher} segment, so
 * that neither an upload nor a download holds the whole file (issue 17, "Storage that survives and
 * scales"). Plain JDBC on the caller's connection and transaction: the caller (the future document
 * service) decides access through {@code AccessPolicy} before it calls here, and commits or rolls
 * back. No method logs anything.
 */
public final class DocumentContentStore {

  /**
   * Rows fetched per round trip when reading (PostgreSQL streams with a cursor inside a
   * transaction).
   */
  static final int FETCH_SIZE = 4;

  private DocumentContentStore() {}

  /**
   * Encrypts a plaintext stream under the document's key and stores it as segment rows.
   *
   * @param db an open connection; its transaction is the caller's
   * @param documentId the {@code case_document.id} the contents belong to (the row must exist)
   * @param key the document's AES-256 key
   * @param plaintext read to its end, not closed (already checked: {@link UploadChecks})
   * @return the plaintext bytes stored
   * @throws SQLException if a row cannot be written
   * @throws IOException if the stream fails
   */
  public static long store(Connection db, long documentId, SecretKey key, InputStream plaintext)
      throws SQLException, IOException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into case_document_content (document_id, segment_no, data) values (?, ?, ?)")) {
      return DocumentCipher.encrypt(
          key,
          plaintext,
          (segmentNo, ciphertext) -> {
            try {
              insert.setLong(1, documentId);
              insert.setInt(2, segmentNo);
              insert.setBytes(3, ciphertext);
              insert.executeUpdate();
            } catch (SQLException e) {
              throw new IOException("a segment could not be stored", e);
            }
          });
    } catch (IOException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw e;
    }
  }

  /**
   * Reads and decrypts a document's contents into a stream, one segment at a time.
   *
   * @param db an open connection (on PostgreSQL inside a transaction, so the rows come by cursor)
   * @param documentId the document's id
   * @param key the document's AES-256 key, unwrapped with {@link MasterKey#unwrap}
   * @param out receives the plaintext; not closed
   * @return the plaintext bytes written
   * @throws DocumentKeyException if a segment is not authentic or none is stored (see {@link
   *     DocumentCipher#decrypt}: the caller aborts the response)
   * @throws SQLException if the rows cannot be read
   * @throws IOException if the stream fails
   */
  public static long read(Connection db, long documentId, SecretKey key, OutputStream out)
      throws SQLException, IOException {
    try (PreparedStatement select =
        db.prepareStatement(
            "select data from case_document_content where document_id = ? order by segment_no")) {
      select.setFetchSize(FETCH_SIZE);
      select.setLong(1, documentId);
      try (ResultSet rows = select.executeQuery()) {
        return DocumentCipher.decrypt(
            key,
            () -> {
              try {
                return rows.next() ? rows.getBytes(1) : null;
              } catch (SQLException e) {
                throw new IOException("a segment could not be read", e);
              }
            },
            out);
      }
    }
  }

  /**
   * Re-wraps the key of every document wrapped by {@code from} with {@code to} (issue 17: "a
   * command (or admin action) re-wraps all document keys with a new master key"). The contents are
   * not touched: only {@code wrapped_key}, {@code key_id} and the optimistic-lock {@code version}
   * change, row by row, so a crash half-way leaves every row readable with one of the two keys and
   * a second run finishes the rest.
   *
   * @param db an open connection; the caller commits
   * @param from the master key in use until now
   * @param to the new master key
   * @return how many documents were re-wrapped
   * @throws DocumentKeyException if a row claims {@code from} but does not unwrap with it (nothing
   *     of that row is changed)
   * @throws SQLException on a database error
   */
  public static int rewrapAll(Connection db, MasterKey from, MasterKey to) throws SQLException {
    int done = 0;
    try (PreparedStatement select =
            db.prepareStatement(
                "select id, wrapped_key, version from case_document where key_id = ? order by id");
        PreparedStatement update =
            db.prepareStatement(
                "update case_document set wrapped_key = ?, key_id = ?, version = version + 1 where id = ? and version = ?")) {
      select.setString(1, from.id());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          update.setString(1, from.rewrap(rows.getString(2), to));
          update.setString(2, to.id());
          update.setLong(3, rows.getLong(1));
          update.setLong(4, rows.getLong(3));
          done += update.executeUpdate();
        }
      }
    }
    return done;
  }

  /**
   * Removes a document's contents (before its metadata row, e.g. when an upload is rolled back by
   * hand).
   *
   * @param db an open connection
   * @param documentId the document's id
   * @return the number of segment rows removed
   * @throws SQLException on a database error
   */
  public static int delete(Connection db, long documentId) throws SQLException {
    try (PreparedStatement delete =
        db.prepareStatement("delete from case_document_content where document_id = ?")) {
      delete.setLong(1, documentId);
      return delete.executeUpdate();
    }
  }
}
