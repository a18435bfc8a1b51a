package rs.astra.nrm.document;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import rs.astra.nrm.operations.DatabaseSettings;

/**
 * The command that re-wraps every document key with a new master key (issue 17, "a command re-wraps
 * all document keys with a new master key"; README "Case documents"). Run with the portal stopped
 * or running (each row changes under its optimistic-lock version; a second run finishes what a
 * first one left):
 *
 * <pre>
 * NRM_DB_URL=… NRM_DB_USER=… NRM_DB_PASSWORD=… NRM_DOCUMENT_KEY=&lt;current&gt; \
 *   NRM_DOCUMENT_NEW_KEY=&lt;new&gt; mvn -q -pl persistence,ejb -Pdocument-rewrap process-classes
 * </pre>
 *
 * <p>The current key is {@code NRM_DOCUMENT_KEY}, or in demo mode without it the key file {@value
 * DocumentMasterKeys#DEMO_KEY_FILE} in {@code NRM_DATA_DIR} (default {@code ./data}), which the
 * command then replaces with the new key. The new key is {@code NRM_DOCUMENT_NEW_KEY} (base64 of 32
 * bytes, e.g. {@code openssl rand -base64 32}). After it, start the portal with the new key as
 * {@code NRM_DOCUMENT_KEY}. Prints one line starting {@code document keys:}; exit status 0 done, 1
 * a key is missing or wrong, 2 the database cannot be used. Never prints a key.
 */
public final class DocumentKeyRotation {

  private DocumentKeyRotation() {}

  /**
   * Runs the command (see the class comment).
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(
        run(
            DatabaseSettings.current(),
            setting("NRM_DOCUMENT_KEY"),
            setting("NRM_DOCUMENT_NEW_KEY"),
            Path.of(
                setting("NRM_DATA_DIR") == null ? "data" : setting("NRM_DATA_DIR"),
                DocumentMasterKeys.DEMO_KEY_FILE),
            System.out));
  }

  private static String setting(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? System.getProperty(name) : value;
  }

  /**
   * Re-wraps every document key wrapped by the current master key with the new one, in one
   * transaction.
   *
   * @param database where the documents are
   * @param currentKey the current master key (base64), or {@code null} to read the demo key file
   * @param newKey the new master key (base64)
   * @param demoKeyFile the demo key file, read when {@code currentKey} is {@code null} and then
   *     replaced by the new key
   * @param out where the one line goes
   * @return the exit status: 0 done, 1 a key is missing or wrong, 2 the database failed
   */
  public static int run(
      DatabaseSettings database,
      String currentKey,
      String newKey,
      Path demoKeyFile,
      PrintStream out) {
    MasterKey from;
    MasterKey to;
    boolean fromFile = currentKey == null;
    try {
      from =
          MasterKey.fromBase64(
              fromFile
                  ? Files.readString(demoKeyFile, StandardCharsets.US_ASCII).strip()
                  : currentKey);
      if (newKey == null) {
        out.println("document keys: NRM_DOCUMENT_NEW_KEY is not set; nothing changed");
        return 1;
      }
      to = MasterKey.fromBase64(newKey);
    } catch (IOException | RuntimeException e) {
      out.println(
          "document keys: the current or the new master key is missing or not base64 of 32 bytes;"
              + " nothing changed");
      return 1;
    }
    try (Connection c =
        DriverManager.getConnection(database.url(), database.connectionProperties(null, null))) {
      c.setAutoCommit(false);
      int done;
      try {
        done = DocumentContentStore.rewrapAll(c, from, to);
        c.commit();
      } catch (SQLException | DocumentKeyException e) {
        c.rollback();
        if (e instanceof DocumentKeyException) {
          out.println(
              "document keys: a document does not open with the current master key; nothing"
                  + " changed");
          return 1;
        }
        throw (SQLException) e;
      }
      if (fromFile) {
        Files.writeString(demoKeyFile, to.toBase64() + "\n", StandardCharsets.US_ASCII);
      }
      out.println(
          "document keys: "
              + done
              + " re-wrapped from master key "
              + from.id()
              + " to "
              + to.id()
              + (fromFile
                  ? "; the demo key file now holds the new key"
                  : "; start the portal with the new key as NRM_DOCUMENT_KEY"));
      return 0;
    } catch (SQLException e) {
      out.println(
          "document keys: cannot use the database "
              + database
              + " (SQLState "
              + e.getSQLState()
              + ")");
      return 2;
    } catch (IOException e) {
      out.println(
          "document keys: re-wrapped, but the demo key file could not be written: " + demoKeyFile);
      return 1;
    }
  }
}
