package rs.astra.nrm.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the document master key comes from (issue 17; README documents it): MicroProfile Config
 * {@code nrm.document.key}, i.e. the environment variable {@code NRM_DOCUMENT_KEY} — standard
 * base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}). In demo mode ({@code
 * nrm.demo=true}) without it, a key is generated on first use into {@value #DEMO_KEY_FILE} in the
 * data folder ({@code nrm.data.dir} / {@code NRM_DATA_DIR}, default {@code ./data}), readable by
 * its owner only, and read from there afterwards. Outside demo mode a missing key is an error when
 * a document is first stored or read — never a silently generated key that a restore would lack.
 *
 * <p>The key is resolved lazily, so a portal without documents starts as before.
 */
@ApplicationScoped
public class DocumentMasterKeys {

  /** The file the demo key lives in, inside the data folder. */
  public static final String DEMO_KEY_FILE = "document-master.key";

  @Inject
  @ConfigProperty(name = "nrm.document.key")
  Optional<String> configuredKey;

  @Inject
  @ConfigProperty(name = "nrm.demo", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = "nrm.data.dir", defaultValue = "data")
  String dataDir;

  private volatile MasterKey current;

  /**
   * The master key in force.
   *
   * @return the key (resolved on first call)
   * @throws IllegalStateException if no key is configured outside demo mode, or it is malformed
   */
  public MasterKey current() {
    MasterKey key = current;
    if (key == null) {
      synchronized (this) {
        if (current == null) {
          current = resolve(configuredKey.orElse(null), demo, Path.of(dataDir));
        }
        key = current;
      }
    }
    return key;
  }

  /**
   * Resolves the master key (testable form of {@link #current()}).
   *
   * @param configured the value of {@code nrm.document.key}, or {@code null}/blank if unset
   * @param demo whether the portal runs in demo mode
   * @param dataDir the data folder
   * @return the configured key; in demo mode without one, the key in {@value #DEMO_KEY_FILE}
   *     (created with a new random key if absent)
   * @throws IllegalStateException if unset outside demo mode, malformed, or the demo file cannot be
   *     written or read (messages never quote the key)
   */
  public static MasterKey resolve(String configured, boolean demo, Path dataDir) {
    if (configured != null && !configured.isBlank()) {
      try {
        return MasterKey.fromBase64(configured);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "NRM_DOCUMENT_KEY (nrm.document.key) must be base64 of 32 bytes", e);
      }
    }
    if (!demo) {
      throw new IllegalStateException(
          "NRM_DOCUMENT_KEY (nrm.document.key) is not set: documents cannot be stored or read (README, Documents)");
    }
    Path file = dataDir.resolve(DEMO_KEY_FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        MasterKey fresh = MasterKey.generate();
        try {
          Files.writeString(
              file,
              fresh.toBase64() + "\n",
              StandardCharsets.US_ASCII,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
          ownerOnly(file);
          return fresh;
        } catch (FileAlreadyExistsException raced) {
          // another instance wrote it first: use that one
        }
      }
      return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("the demo document key file cannot be used", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the demo document key file does not hold base64 of 32 bytes", e);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(
          file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the data folder's own permissions apply
    }
  }
}
