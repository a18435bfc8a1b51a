package rs.astra.nrm.document;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

/**
 * Removes the embedded metadata of an uploaded photo before it is stored (issue 17: a photo's EXIF
 * GPS position can reveal a safe house; GDPR Art. 5(1)(c), data minimisation). What is removed:
 * EXIF (with its GPS block, camera serial numbers and thumbnail), XMP, IPTC / Photoshop blocks and
 * text comments; the picture itself is kept.
 *
 * <ul>
 *   <li>JPEG, losslessly (the compressed picture is copied, never re-encoded): Apache Commons
 *       Imaging's {@link ExifRewriter#removeExifMetadata}, {@link JpegXmpRewriter#removeXmpXml} and
 *       {@link JpegIptcRewriter#removeIptc} (the whole APP13 segment), then {@link
 *       JpegSegmentFilter} for what those leave: other APPn and COM segments and data after the end
 *       of the picture (e.g. the extra images of a multi-picture file, which carry their own EXIF).
 *   <li>PNG and TIFF: decoded and encoded again with the JDK's ImageIO without any metadata, so no
 *       {@code tEXt}/{@code iTXt}/{@code zTXt}/{@code eXIf} chunk or EXIF/GPS/XMP/IPTC TIFF tag is
 *       written. Every page of a TIFF is kept (Deflate compression, lossless); an animated PNG
 *       keeps its first frame only.
 *   <li>WebP (no JDK codec): {@link WebpChunkFilter} keeps only the RIFF chunks that make the
 *       picture and clears the EXIF and XMP flags of {@code VP8X}.
 * </ul>
 *
 * <p>The source file is never modified; the target is written by streaming between files. An image
 * that cannot be read or cleaned is refused with {@link #UNREADABLE}; nothing half-cleaned is left
 * at the target.
 */
public final class PhotoMetadata {

  /** Message key: the photo cannot be read, so its metadata cannot be removed. */
  public static final String UNREADABLE = "document.refused.image";

  /**
   * Most pixels per picture (or TIFF page) decoded for PNG and TIFF: 50 megapixels (200 MB as
   * 32-bit pixels), so that a small file claiming a huge size cannot exhaust the heap.
   */
  static final long MAX_PIXELS = 50_000_000L;

  /** Most pages of a TIFF. */
  static final int MAX_PAGES = 500;

  private static final Set<String> PHOTO_TYPES =
      Set.of("image/jpeg", "image/png", "image/tiff", "image/webp");

  private PhotoMetadata() {}

  /**
   * Whether an upload of this type is a photo whose metadata {@link #strip} removes.
   *
   * @param contentType the type detected by {@link DocumentTypeDetector}, parameters and case
   *     ignored; may be {@code null}
   * @return {@code true} for {@code image/jpeg}, {@code image/png}, {@code image/tiff} and {@code
   *     image/webp}
   */
  public static boolean isPhoto(String contentType) {
    return contentType != null && PHOTO_TYPES.contains(baseType(contentType));
  }

  /**
   * Writes a copy of a photo without its embedded metadata.
   *
   * @param contentType the type detected from the bytes ({@link DocumentTypeDetector}); must be one
   *     for which {@link #isPhoto} is true
   * @param source the uploaded photo, read only, never modified
   * @param target where the cleaned photo is written (created or replaced); must not be {@code
   *     source}
   * @throws IllegalArgumentException if the type is not a photo or target is the source
   * @throws DocumentRefusedException ({@link #UNREADABLE}) if the image is malformed, not of the
   *     given type, or too large to decode; the target is then removed
   * @throws IOException if a file cannot be read or written (disk, permissions)
   */
  public static void strip(String contentType, Path source, Path target) throws IOException {
    if (!isPhoto(contentType)) {
      throw new IllegalArgumentException("not a photo type: " + contentType);
    }
    if (Files.exists(target) && Files.isSameFile(source, target)) {
      throw new IllegalArgumentException("the target must not be the source");
    }
    boolean done = false;
    try {
      switch (baseType(contentType)) {
        case "image/jpeg" -> stripJpeg(source, target);
        case "image/png" -> reencode(source, target, "png");
        case "image/tiff" -> reencode(source, target, "tiff");
        default -> WebpChunkFilter.strip(source, target);
      }
      done = true;
    } catch (ImagingException | IIOException | EOFException e) {
      throw unreadable(e.getClass().getSimpleName() + " from the image");
    } catch (DocumentRefusedException e) {
      throw e;
    } catch (RuntimeException e) {
      // A malformed image can make a decoder fail in unchecked ways (index, state errors).
      throw unreadable(e.getClass().getSimpleName() + " from the image decoder");
    } finally {
      if (!done) {
        Files.deleteIfExists(target);
      }
    }
  }

  private static void stripJpeg(Path source, Path target) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path first = Files.createTempFile(directory, "nrm-photo-", ".tmp");
    Path second = Files.createTempFile(directory, "nrm-photo-", ".tmp");
    try {
      libraryPass((in, out) -> new ExifRewriter().removeExifMetadata(in, out), source, first);
      libraryPass((in, out) -> new JpegXmpRewriter().removeXmpXml(in, out), first, second);
      libraryPass((in, out) -> new JpegIptcRewriter().removeIptc(in, out, true), second, first);
      try (InputStream in = new BufferedInputStream(Files.newInputStream(first));
          OutputStream out = output(target)) {
        JpegSegmentFilter.filter(in, out);
      }
    } finally {
      Files.deleteIfExists(first);
      Files.deleteIfExists(second);
    }
    checkReadable(target, "jpeg");
  }

  /** One Commons Imaging rewrite of a JPEG file into another. */
  @FunctionalInterface
  private interface JpegRewrite {
    void rewrite(File in, OutputStream out) throws IOException;
  }

  /**
   * Runs one Commons Imaging rewrite. The library reports a malformed JPEG with a plain {@link
   * IOException}; to tell that from a failure to write the target, the writes go through a stream
   * that carries its own failures out unchecked. A failure to read the source (just written by the
   * caller) counts as malformed too.
   */
  private static void libraryPass(JpegRewrite pass, Path source, Path target) throws IOException {
    try (OutputStream file = output(target)) {
      OutputStream sink =
          new FilterOutputStream(file) {
            @Override
            public void write(int b) {
              try {
                out.write(b);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
              try {
                out.write(bytes, offset, length);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }

            @Override
            public void flush() {
              try {
                out.flush();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }

            @Override
            public void close() {
              // the file is closed by the caller
            }
          };
      try {
        pass.rewrite(source.toFile(), sink);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } catch (IOException e) {
        throw unreadable(e.getClass().getSimpleName() + " from Commons Imaging");
      }
    }
  }

  /** Decodes every picture and writes it again with no metadata object: ImageIO writes none. */
  private static void reencode(Path source, Path target, String format) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
      ImageReader reader = reader(in, format);
      try {
        reader.setInput(in, false, true);
        int pages = format.equals("tiff") ? reader.getNumImages(true) : 1;
        if (pages < 1 || pages > MAX_PAGES) {
          throw unreadable(pages + " pages");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (OutputStream file = output(target);
            ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
          writer.setOutput(out);
          ImageWriteParam param = writer.getDefaultWriteParam();
          if (format.equals("tiff")) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
          }
          if (pages == 1) {
            writer.write(null, new IIOImage(read(reader, 0), null, null), param);
          } else {
            writer.prepareWriteSequence(null);
            for (int page = 0; page < pages; page++) {
              writer.writeToSequence(new IIOImage(read(reader, page), null, null), param);
            }
            writer.endWriteSequence();
          }
        } finally {
          writer.dispose();
        }
      } finally {
        reader.dispose();
      }
    }
  }

  private static BufferedImage read(ImageReader reader, int page) throws IOException {
    if ((long) reader.getWidth(page) * reader.getHeight(page) > MAX_PIXELS) {
      throw unreadable("more than " + MAX_PIXELS + " pixels");
    }
    return reader.read(page);
  }

  private static ImageReader reader(ImageInputStream in, String format) {
    if (in == null) {
      throw unreadable("no image stream");
    }
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      ImageReaderSpi provider = reader.getOriginatingProvider();
      if (provider != null
          && Arrays.stream(provider.getFormatNames()).anyMatch(format::equalsIgnoreCase)) {
        return reader;
      }
      reader.dispose();
    }
    throw unreadable("not a " + format + " image");
  }

  /** The cleaned picture must still be one: ImageIO reads its header and size. */
  private static void checkReadable(Path file, String format) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = reader(in, format);
      try {
        reader.setInput(in, true, true);
        if (reader.getWidth(0) < 1 || reader.getHeight(0) < 1) {
          throw unreadable("empty picture");
        }
      } finally {
        reader.dispose();
      }
    }
  }

  private static OutputStream output(Path file) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(file));
  }

  private static String baseType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * A refusal with {@link #UNREADABLE}.
   *
   * @param detail what failed, for the log, without personal data
   * @return the exception to throw
   */
  static DocumentRefusedException unreadable(String detail) {
    return new DocumentRefusedException(UNREADABLE, "image refused: " + detail);
  }
}
