package rs.astra.nrm.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** INTERIM: replaced by the branch doc-clean before landing. */
public final class PhotoMetadata {

  /** The image could not be read or cleaned. */
  public static final String UNREADABLE = "document.refused.image";

  private PhotoMetadata() {}

  /**
   * @param contentType detected type
   * @return whether it is a photo
   */
  public static boolean isPhoto(String contentType) {
    return contentType.startsWith("image/");
  }

  /**
   * @param contentType detected type
   * @param source the upload
   * @param target the cleaned copy
   * @throws IOException on failure
   */
  public static void strip(String contentType, Path source, Path target) throws IOException {
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
