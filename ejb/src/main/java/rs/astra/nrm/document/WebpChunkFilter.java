package rs.astra.nrm.document;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes the metadata of a WebP file (the JDK has no WebP codec), following Google's "WebP
 * Container Specification": a RIFF file ({@code RIFF}, little-endian 32-bit size, {@code WEBP})
 * made of chunks (FourCC, little-endian 32-bit payload size, payload, one pad byte if the size is
 * odd). Metadata lives in the {@code EXIF} and {@code XMP } chunks, announced by the EXIF (0x08)
 * and XMP (0x04) flags in the first byte of the {@code VP8X} chunk.
 *
 * <p>Only the chunks that make the picture are kept ({@code VP8X}, {@code VP8 }, {@code VP8L},
 * {@code ALPH}, {@code ANIM}, {@code ANMF}, {@code ICCP}); {@code EXIF}, {@code XMP } and unknown
 * chunks are dropped, the two flags cleared, the RIFF size set to what remains, and bytes after the
 * RIFF's declared end dropped. The payloads are copied file to file ({@link
 * FileChannel#transferTo}), never held whole in memory.
 */
final class WebpChunkFilter {

  private static final Set<String> KEPT =
      Set.of("VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP");
  private static final Set<String> PICTURE = Set.of("VP8 ", "VP8L", "ANMF");
  private static final int EXIF_FLAG = 0x08;
  private static final int XMP_FLAG = 0x04;
  private static final int VP8X_PAYLOAD = 10;

  private WebpChunkFilter() {}

  private record Chunk(String fourCc, long payloadOffset, long size) {}

  /**
   * Writes a copy of a WebP file without its metadata chunks.
   *
   * @param source the WebP file, read only
   * @param target the cleaned copy (created or replaced)
   * @throws DocumentRefusedException ({@link PhotoMetadata#UNREADABLE}) if the file is not a RIFF
   *     WebP, a chunk runs past its end, or no picture chunk is left
   * @throws IOException if a file cannot be read or written
   */
  static void strip(Path source, Path target) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
      ByteBuffer header = read(in, 0, 12);
      if (!fourCc(header, 0).equals("RIFF") || !fourCc(header, 8).equals("WEBP")) {
        throw PhotoMetadata.unreadable("not a RIFF WebP");
      }
      long end = 8 + Integer.toUnsignedLong(header.getInt(4));
      if (end > in.size()) {
        throw PhotoMetadata.unreadable("RIFF size beyond the file");
      }
      List<Chunk> kept = new ArrayList<>();
      long outputSize = 4; // "WEBP"
      boolean picture = false;
      for (long position = 12; position < end; ) {
        if (end - position < 8) {
          throw PhotoMetadata.unreadable("WebP chunk header cut short");
        }
        ByteBuffer chunkHeader = read(in, position, 8);
        String fourCc = fourCc(chunkHeader, 0);
        long size = Integer.toUnsignedLong(chunkHeader.getInt(4));
        if (position + 8 + size > end) {
          throw PhotoMetadata.unreadable("WebP chunk runs past the RIFF end");
        }
        if (KEPT.contains(fourCc)) {
          if (fourCc.equals("VP8X") && size < VP8X_PAYLOAD) {
            throw PhotoMetadata.unreadable("VP8X chunk too short");
          }
          kept.add(new Chunk(fourCc, position + 8, size));
          outputSize += 8 + size + (size & 1);
          picture |= PICTURE.contains(fourCc);
        }
        position += 8 + size + (size & 1);
      }
      if (!picture) {
        throw PhotoMetadata.unreadable("WebP without a picture chunk");
      }
      try (FileChannel out =
          FileChannel.open(
              target,
              StandardOpenOption.WRITE,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer riff = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        riff.put(ascii("RIFF")).putInt((int) outputSize).put(ascii("WEBP")).flip();
        writeFully(out, riff);
        for (Chunk chunk : kept) {
          ByteBuffer chunkHeader = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
          chunkHeader.put(ascii(chunk.fourCc())).putInt((int) chunk.size()).flip();
          writeFully(out, chunkHeader);
          long copied = 0;
          if (chunk.fourCc().equals("VP8X")) {
            ByteBuffer flags = read(in, chunk.payloadOffset(), 1);
            flags.put(0, (byte) (flags.get(0) & ~(EXIF_FLAG | XMP_FLAG)));
            writeFully(out, flags);
            copied = 1;
          }
          while (copied < chunk.size()) {
            long n = in.transferTo(chunk.payloadOffset() + copied, chunk.size() - copied, out);
            if (n <= 0) {
              throw PhotoMetadata.unreadable("WebP chunk cut short");
            }
            copied += n;
          }
          if ((chunk.size() & 1) == 1) {
            writeFully(out, ByteBuffer.wrap(new byte[1]));
          }
        }
      }
    }
  }

  private static ByteBuffer read(FileChannel in, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (in.read(buffer, position + buffer.position()) < 0) {
        throw PhotoMetadata.unreadable("WebP file cut short");
      }
    }
    return buffer.flip();
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private static String fourCc(ByteBuffer buffer, int offset) {
    byte[] bytes = new byte[4];
    buffer.get(offset, bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
