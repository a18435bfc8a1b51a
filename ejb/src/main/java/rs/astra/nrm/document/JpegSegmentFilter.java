package rs.astra.nrm.document;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last, lossless pass of {@link PhotoMetadata} over a JPEG: copies the marker segments a
 * decoder needs and drops those that only carry metadata, streaming (one segment of at most 64 KiB
 * in memory). The structure is that of ITU-T T.81 (JPEG), Annex B: markers {@code FF xx}, marker
 * segments with a 16-bit big-endian length that counts itself, and entropy-coded data after {@code
 * SOS} in which a data byte {@code FF} is followed by {@code 00} and restart markers {@code
 * FFD0}–{@code FFD7} carry no length.
 *
 * <p>Kept: every non-APPn segment (frame, tables, scans, restart interval…), APP0 (JFIF), APP2
 * {@code ICC_PROFILE} (the colours) and APP14 ({@code Adobe}, needed for the colour transform).
 * Dropped: all other APPn segments (APP1 EXIF/XMP/extended XMP, APP2 {@code MPF}, APP13
 * Photoshop/IPTC, vendor blocks) and COM text comments, also between the scans of a progressive
 * JPEG, and everything after the end-of-image marker (e.g. the appended pictures of a multi-picture
 * file, which have their own EXIF).
 */
final class JpegSegmentFilter {

  private static final int SOI = 0xD8;
  private static final int EOI = 0xD9;
  private static final int SOS = 0xDA;
  private static final int APP0 = 0xE0;
  private static final int APP2 = 0xE2;
  private static final int APP14 = 0xEE;
  private static final int APP15 = 0xEF;
  private static final int COM = 0xFE;
  private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

  private JpegSegmentFilter() {}

  /**
   * Copies a JPEG without its metadata segments.
   *
   * @param in the JPEG from its first byte (buffered by the caller); not closed
   * @param out receives the cleaned JPEG; not closed
   * @throws DocumentRefusedException ({@link PhotoMetadata#UNREADABLE}) if the data is not a JPEG
   *     as T.81 describes it
   * @throws EOFException if it ends before the first scan's data
   * @throws IOException if a stream fails
   */
  static void filter(InputStream in, OutputStream out) throws IOException {
    if (read(in) != 0xFF || read(in) != SOI) {
      throw PhotoMetadata.unreadable("no JPEG start-of-image marker");
    }
    out.write(0xFF);
    out.write(SOI);
    int marker = nextMarker(in);
    while (true) {
      if (marker == EOI) {
        out.write(0xFF);
        out.write(EOI);
        return; // anything after the picture is dropped
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        out.write(0xFF); // TEM and stray restart markers have no length
        out.write(marker);
        marker = nextMarker(in);
        continue;
      }
      if (marker == SOI || marker == 0x00) {
        throw PhotoMetadata.unreadable("unexpected JPEG marker");
      }
      int length = (read(in) << 8) | read(in);
      if (length < 2) {
        throw PhotoMetadata.unreadable("JPEG segment length below 2");
      }
      byte[] payload = in.readNBytes(length - 2);
      if (payload.length != length - 2) {
        throw new EOFException("JPEG segment cut short");
      }
      if (keep(marker, payload)) {
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload);
      }
      marker = marker == SOS ? copyScan(in, out) : nextMarker(in);
    }
  }

  /** Whether a marker segment is needed for the picture rather than metadata. */
  private static boolean keep(int marker, byte[] payload) {
    if (marker == COM) {
      return false;
    }
    if (marker < APP0 || marker > APP15) {
      return true;
    }
    return marker == APP0
        || marker == APP14
        || (marker == APP2
            && payload.length >= ICC_PROFILE.length
            && Arrays.equals(payload, 0, ICC_PROFILE.length, ICC_PROFILE, 0, ICC_PROFILE.length));
  }

  /**
   * Copies entropy-coded data up to the next marker that is not a stuffed byte or a restart.
   *
   * @return that marker (without its {@code FF}); {@code EOI} if the data ends without one (a
   *     picture cut short still shows, as in the original)
   */
  private static int copyScan(InputStream in, OutputStream out) throws IOException {
    while (true) {
      int b = in.read();
      if (b < 0) {
        return EOI;
      }
      if (b != 0xFF) {
        out.write(b);
        continue;
      }
      int next = in.read();
      while (next == 0xFF) {
        next = in.read(); // fill bytes
      }
      if (next < 0) {
        return EOI;
      }
      if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
        out.write(0xFF);
        out.write(next);
        continue;
      }
      return next;
    }
  }

  /** Reads {@code FF}, any fill bytes {@code FF}, and returns the marker code after them. */
  private static int nextMarker(InputStream in) throws IOException {
    if (read(in) != 0xFF) {
      throw PhotoMetadata.unreadable("JPEG marker expected");
    }
    int marker = read(in);
    while (marker == 0xFF) {
      marker = read(in);
    }
    return marker;
  }

  private static int read(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("JPEG ends before its end-of-image marker");
    }
    return b;
  }
}
