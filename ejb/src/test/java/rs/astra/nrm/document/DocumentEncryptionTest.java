package rs.astra.nrm.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import javax.crypto.SecretKey;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encryption of document contents at rest (issue 17, "Tests — Encryption"; GDPR Art. 32): on the
 * real schema (Flyway V17/V17_1 on H2, or on PostgreSQL with {@code
 * -Dnrm.test.documents.url=jdbc:postgresql://127.0.0.1:5432/x -Dnrm.test.documents.user=postgres}).
 */
class DocumentEncryptionTest {

  private static Connection db;
  private static long nextId = 100;

  @BeforeAll
  static void schema() throws Exception {
    String url =
        System.getProperty("nrm.test.documents.url", "jdbc:h2:mem:documents;DB_CLOSE_DELAY=-1");
    String user = System.getProperty("nrm.test.documents.user", "sa");
    String vendor = url.startsWith("jdbc:postgresql") ? "postgresql" : "h2";
    Flyway.configure()
        .dataSource(url, user, "")
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
        .failOnMissingLocations(false)
        .load()
        .migrate();
    db = DriverManager.getConnection(url, user, "");
    try (Statement s = db.createStatement()) {
      s.execute("insert into organisation (id, version, name, type) values (1, 0, 'A NGO', 'NGO')");
      s.execute(
          "insert into portal_user (id, version, username, display_name, organisation_id, role, role_name, active) values"
              + " (1, 0, 'a', 'A', 1, 'NGO_CASEWORKER', 'ngo-caseworker', true)");
      s.execute(
          "insert into person (id, version, gender, citizenship) values (1, 0, 'Feminine', 'RS')");
      s.execute(
          "insert into case_file (id, version, code, owner_organisation_id, owner_user_id, person_id, opened_on, created_at, status, trafficking_status, stage)"
              + " values (1, 0, 'NRM-2025-00001', 1, 1, 1, date '2025-03-01', timestamp '2025-01-01 00:00:00', 'Active', 'ActualVictimOfTrafficking', 'IDENTIFIED')");
    }
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  /** A document row as the upload will write it; returns its id. */
  private static long document(MasterKey master, SecretKey key, byte[] content) throws Exception {
    long id = nextId++;
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into case_document (id, version, case_file_id, title, document_type, category, uploaded_by, uploader_organisation_id, uploaded_at,"
                + " original_file_name, size_bytes, content_type, sha256, wrapped_key, key_id) values (?, 0, 1, 'Izveštaj', 'MEDICAL_RECORD', 'HEALTH', 1, 1,"
                + " timestamp '2026-01-01 10:00:00', 'Изјава_Ђорђе.pdf', ?, 'application/pdf', ?, ?, ?)")) {
      insert.setLong(1, id);
      insert.setLong(2, content.length);
      insert.setString(
          3, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
      insert.setString(4, master.wrap(key));
      insert.setString(5, master.id());
      insert.executeUpdate();
    }
    assertEquals(
        content.length, DocumentContentStore.store(db, id, key, new ByteArrayInputStream(content)));
    return id;
  }

  private static String wrappedKey(long id) throws Exception {
    try (PreparedStatement q =
        db.prepareStatement("select wrapped_key from case_document where id = ?")) {
      q.setLong(1, id);
      try (ResultSet r = q.executeQuery()) {
        assertTrue(r.next());
        return r.getString(1);
      }
    }
  }

  private static byte[] storedBytes(long id) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (PreparedStatement q =
        db.prepareStatement(
            "select data from case_document_content where document_id = ? order by segment_no")) {
      q.setLong(1, id);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          all.write(r.getBytes(1));
        }
      }
    }
    return all.toByteArray();
  }

  private static byte[] pdfLike(int size) {
    byte[] content = new byte[size];
    new Random(17).nextBytes(content);
    byte[] head =
        "%PDF-1.7\n% Ime: Đorđe Petrović, JMBG 0101990710000\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    System.arraycopy(head, 0, content, 0, head.length);
    return content;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void theStoredBytesAreNotTheFileAndDecryptBackExactly() throws Exception {
    MasterKey master = MasterKey.generate();
    byte[] content = pdfLike(3 * DocumentCipher.SEGMENT_BYTES + 123);
    long id = document(master, MasterKey.newDocumentKey(), content);

    byte[] stored = storedBytes(id);
    assertEquals(
        content.length + 4 * DocumentCipher.TAG_BYTES,
        stored.length,
        "four segments, each with its tag");
    assertFalse(contains(stored, "%PDF".getBytes()), "the PDF header is not stored in clear");
    assertFalse(contains(stored, "0101990710000".getBytes()), "nor the identity number in it");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocumentContentStore.read(db, id, master.unwrap(wrappedKey(id)), out);
    assertArrayEquals(content, out.toByteArray());
  }

  @Test
  void anotherMasterKeyDecryptsNothing() throws Exception {
    MasterKey master = MasterKey.generate();
    long id = document(master, MasterKey.newDocumentKey(), pdfLike(1000));
    MasterKey other = MasterKey.generate();

    DocumentKeyException refused =
        assertThrows(DocumentKeyException.class, () -> other.unwrap(wrappedKey(id)));
    assertTrue(
        refused.getMessage().contains("not wrapped by this master key"), refused.getMessage());

    // Even a document key guessed at random (what a wrong unwrap would give) yields no plaintext
    // byte.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(
        DocumentKeyException.class,
        () -> DocumentContentStore.read(db, id, MasterKey.newDocumentKey(), out));
    assertEquals(0, out.size(), "no partial plaintext");
  }

  @Test
  void rewrapThenTheNewMasterKeyDecryptsAndTheOldOneNoLonger() throws Exception {
    MasterKey old = MasterKey.generate();
    byte[] first = pdfLike(DocumentCipher.SEGMENT_BYTES * 2);
    byte[] second = pdfLike(100);
    long a = document(old, MasterKey.newDocumentKey(), first);
    long b = document(old, MasterKey.newDocumentKey(), second);
    MasterKey next = MasterKey.generate();

    assertEquals(2, DocumentContentStore.rewrapAll(db, old, next));
    assertEquals(
        0, DocumentContentStore.rewrapAll(db, old, next), "a second run finds nothing left");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocumentContentStore.read(db, a, next.unwrap(wrappedKey(a)), out);
    assertArrayEquals(first, out.toByteArray());
    out.reset();
    DocumentContentStore.read(db, b, next.unwrap(wrappedKey(b)), out);
    assertArrayEquals(second, out.toByteArray());
    assertThrows(DocumentKeyException.class, () -> old.unwrap(wrappedKey(a)));
  }

  @Test
  void theRotationCommandRewrapsWithTheNewKeyAndReplacesTheDemoKeyFile(@TempDir Path dir)
      throws Exception {
    MasterKey old = MasterKey.generate();
    byte[] content = pdfLike(300);
    long id = document(old, MasterKey.newDocumentKey(), content);
    Path keyFile = dir.resolve(DocumentMasterKeys.DEMO_KEY_FILE);
    java.nio.file.Files.writeString(keyFile, old.toBase64() + "\n");
    MasterKey next = MasterKey.generate();
    String url =
        System.getProperty("nrm.test.documents.url", "jdbc:h2:mem:documents;DB_CLOSE_DELAY=-1");
    rs.astra.nrm.operations.DatabaseSettings database =
        new rs.astra.nrm.operations.DatabaseSettings(
            url, System.getProperty("nrm.test.documents.user", "sa"), "");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    java.io.PrintStream out = new java.io.PrintStream(printed, true, "UTF-8");

    assertEquals(
        1,
        DocumentKeyRotation.run(database, null, "not a key", keyFile, out),
        "a malformed new key changes nothing");
    assertEquals(
        old.id(), MasterKey.fromBase64(java.nio.file.Files.readString(keyFile).strip()).id());
    assertEquals(0, DocumentKeyRotation.run(database, null, next.toBase64(), keyFile, out));
    String line = printed.toString("UTF-8");
    assertTrue(line.contains("re-wrapped"), line);
    assertFalse(line.contains(next.toBase64()), "the command never prints a key");
    assertEquals(
        next.toBase64(),
        java.nio.file.Files.readString(keyFile).strip(),
        "the demo key file holds the new key");
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    DocumentContentStore.read(db, id, next.unwrap(wrappedKey(id)), read);
    assertArrayEquals(content, read.toByteArray());
    assertEquals(
        1,
        DocumentKeyRotation.run(database, old.toBase64(), null, keyFile, out),
        "no new key: nothing to do");
  }

  @Test
  void tamperedCiphertextIsRefused() throws Exception {
    MasterKey master = MasterKey.generate();
    SecretKey key = MasterKey.newDocumentKey();
    long id = document(master, key, pdfLike(DocumentCipher.SEGMENT_BYTES + 50));
    byte[] segment;
    try (PreparedStatement q =
        db.prepareStatement(
            "select data from case_document_content where document_id = ? and segment_no = 0")) {
      q.setLong(1, id);
      try (ResultSet r = q.executeQuery()) {
        assertTrue(r.next());
        segment = r.getBytes(1);
      }
    }
    segment[100] ^= 1;
    try (PreparedStatement u =
        db.prepareStatement(
            "update case_document_content set data = ? where document_id = ? and segment_no = 0")) {
      u.setBytes(1, segment);
      u.setLong(2, id);
      assertEquals(1, u.executeUpdate());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(DocumentKeyException.class, () -> DocumentContentStore.read(db, id, key, out));
    assertEquals(0, out.size(), "nothing of the changed segment is released");
  }

  @Test
  void aDroppedLastSegmentIsRefusedNotServedShort() throws Exception {
    MasterKey master = MasterKey.generate();
    SecretKey key = MasterKey.newDocumentKey();
    long id = document(master, key, pdfLike(DocumentCipher.SEGMENT_BYTES * 2 + 1));
    try (Statement s = db.createStatement()) {
      assertEquals(
          1,
          s.executeUpdate(
              "delete from case_document_content where document_id = "
                  + id
                  + " and segment_no = 2"));
    }
    assertThrows(
        DocumentKeyException.class,
        () -> DocumentContentStore.read(db, id, key, OutputStream.nullOutputStream()));
  }

  @Test
  void aTwentyFiveMegabyteFileStreamsThroughInSegments() throws Exception {
    SecretKey key = MasterKey.newDocumentKey();
    long size = 25L * 1024 * 1024;
    int[] largest = {0};
    int[] count = {0};
    MessageDigest in = MessageDigest.getInstance("SHA-256");
    java.util.List<byte[]> segments = new java.util.ArrayList<>();
    // A generated stream: the test never holds the plaintext as one array.
    InputStream source =
        new InputStream() {
          long left = size;
          final Random random = new Random(25);

          @Override
          public int read() {
            if (left == 0) return -1;
            left--;
            int b = random.nextInt(256);
            in.update((byte) b);
            return b;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left == 0) return -1;
            int n = (int) Math.min(len, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            in.update(chunk);
            left -= n;
            return n;
          }
        };
    assertEquals(
        size,
        DocumentCipher.encrypt(
            key,
            source,
            (no, c) -> {
              largest[0] = Math.max(largest[0], c.length);
              count[0]++;
              segments.add(c);
            }));
    assertEquals(400, count[0]);
    assertEquals(
        DocumentCipher.SEGMENT_BYTES + DocumentCipher.TAG_BYTES,
        largest[0],
        "no segment is larger than 64 KiB + tag");
    MessageDigest out = MessageDigest.getInstance("SHA-256");
    java.util.Iterator<byte[]> it = segments.iterator();
    long written =
        DocumentCipher.decrypt(
            key,
            () -> it.hasNext() ? it.next() : null,
            new OutputStream() {
              @Override
              public void write(int b) {
                out.update((byte) b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                assertTrue(
                    len <= DocumentCipher.SEGMENT_BYTES,
                    "plaintext is released a segment at a time");
                out.update(b, off, len);
              }
            });
    assertEquals(size, written);
    assertArrayEquals(in.digest(), out.digest());
  }

  @Test
  void demoModeGeneratesTheKeyOnceIntoTheDataFolderOwnerOnly(@TempDir Path dataDir)
      throws Exception {
    MasterKey first = DocumentMasterKeys.resolve(null, true, dataDir);
    MasterKey again = DocumentMasterKeys.resolve("", true, dataDir);
    assertEquals(first.id(), again.id(), "the second start reads the same key");
    Path file = dataDir.resolve(DocumentMasterKeys.DEMO_KEY_FILE);
    assertEquals(
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(file));
    assertFalse(first.toString().contains(first.toBase64()), "toString never shows the key");
  }

  @Test
  void theConfiguredKeyWinsAndNoKeyOutsideDemoModeIsAClearError(@TempDir Path dataDir) {
    MasterKey configured = MasterKey.generate();
    assertEquals(
        configured.id(), DocumentMasterKeys.resolve(configured.toBase64(), true, dataDir).id());
    assertFalse(
        Files.exists(dataDir.resolve(DocumentMasterKeys.DEMO_KEY_FILE)),
        "no demo key is written when one is configured");
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class, () -> DocumentMasterKeys.resolve(null, false, dataDir));
    assertTrue(missing.getMessage().contains("NRM_DOCUMENT_KEY"));
    assertThrows(
        IllegalStateException.class,
        () -> DocumentMasterKeys.resolve("c2hvcnQ=", false, dataDir),
        "16 bytes is not AES-256");
  }
}
