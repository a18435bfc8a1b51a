package rs.astra.nrm.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photo metadata removal (issue 17: EXIF GPS can reveal a safe house), with photos built here: a
 * JPEG given EXIF GPS, XMP and a comment with Commons Imaging, a PNG given {@code tEXt} and {@code
 * eXIf} chunks by hand, a hand-built WebP RIFF with {@code EXIF} and {@code XMP } chunks.
 */
class PhotoMetadataTest {

  private static final String PLACE = "Sigurna kuća, Beograd";

  @TempDir Path dir;

  private static BufferedImage picture(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(5, 5, width / 2, height / 2);
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, out));
    return out.toByteArray();
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static BufferedImage decode(Path file) throws Exception {
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, "the cleaned file still decodes");
    return image;
  }

  @Test
  void photoTypesAreTheFourAllowedImageTypes() {
    assertTrue(PhotoMetadata.isPhoto("image/jpeg"));
    assertTrue(PhotoMetadata.isPhoto("image/png"));
    assertTrue(PhotoMetadata.isPhoto("IMAGE/TIFF"));
    assertTrue(PhotoMetadata.isPhoto("image/webp; charset=binary"));
    assertFalse(PhotoMetadata.isPhoto("application/pdf"));
    assertFalse(PhotoMetadata.isPhoto("image/svg+xml"));
    assertFalse(PhotoMetadata.isPhoto(null));
  }

  @Test
  void jpegLosesGpsExifXmpAndCommentsButKeepsThePicture() throws Exception {
    byte[] plain = encode(picture(64, 48), "jpeg");
    TiffOutputSet exif = new TiffOutputSet();
    exif.setGpsInDegrees(20.4573, 44.8176);
    ByteArrayOutputStream withExif = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain, withExif, exif);
    ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
    new JpegXmpRewriter()
        .updateXmpXml(
            withExif.toByteArray(),
            withXmp,
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf="
                + "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description exif:GPSLatitude="
                + "\"44,49.056N\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\"/></rdf:RDF></x:xmpmeta>");
    byte[] tagged = withComment(withXmp.toByteArray(), PLACE);
    Path source = dir.resolve("slika.jpg");
    Files.write(source, tagged);
    assertNotNull(exifOf(tagged).getGpsInfo(), "the test photo has GPS");
    assertNotNull(Imaging.getXmpXml(tagged));
    assertTrue(contains(tagged, PLACE));

    Path target = dir.resolve("clean.jpg");
    PhotoMetadata.strip("image/jpeg", source, target);

    byte[] clean = Files.readAllBytes(target);
    ImageMetadata metadata = Imaging.getMetadata(clean);
    assertTrue(
        metadata == null || ((JpegImageMetadata) metadata).getExif() == null, "no EXIF left");
    assertNull(Imaging.getXmpXml(clean), "no XMP left");
    assertFalse(contains(clean, PLACE), "no comment left");
    assertFalse(contains(clean, "Exif"));
    BufferedImage image = decode(target);
    assertEquals(64, image.getWidth());
    assertEquals(48, image.getHeight());
    assertArrayEquals(tagged, Files.readAllBytes(source), "the source is not modified");
    assertTrue(clean.length < tagged.length);
  }

  private static org.apache.commons.imaging.formats.tiff.TiffImageMetadata exifOf(byte[] jpeg)
      throws Exception {
    return ((JpegImageMetadata) Imaging.getMetadata(jpeg)).getExif();
  }

  /** Inserts a COM segment right after SOI (ITU-T T.81, B.2.4.5). */
  private static byte[] withComment(byte[] jpeg, String text) {
    byte[] comment = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + comment.length);
    out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xFE).putShort((short) (comment.length + 2));
    out.put(comment).put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /** A PNG chunk: length, type, data, CRC-32 over type and data (PNG specification, 5.3). */
  private static byte[] pngChunk(String type, byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(type.getBytes(StandardCharsets.US_ASCII));
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(type.getBytes(StandardCharsets.US_ASCII))
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  private static List<String> pngChunkTypes(byte[] png) {
    List<String> types = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(png);
    for (int position = 8; position + 8 <= png.length; ) {
      int length = buffer.getInt(position);
      types.add(new String(png, position + 4, 4, StandardCharsets.US_ASCII));
      position += 12 + length;
    }
    return types;
  }

  @Test
  void pngLosesTextAndExifChunks() throws Exception {
    BufferedImage original = picture(40, 30);
    byte[] plain = encode(original, "png");
    byte[] text =
        pngChunk(
            "tEXt", ("Comment\0" + "GPS 44.8176 20.4573").getBytes(StandardCharsets.ISO_8859_1));
    byte[] exif = pngChunk("eXIf", "MM\0*\0\0\0\bGPS".getBytes(StandardCharsets.ISO_8859_1));
    int afterIhdr = 8 + 12 + 13;
    byte[] tagged =
        ByteBuffer.allocate(plain.length + text.length + exif.length)
            .put(plain, 0, afterIhdr)
            .put(text)
            .put(exif)
            .put(plain, afterIhdr, plain.length - afterIhdr)
            .array();
    assertTrue(pngChunkTypes(tagged).containsAll(List.of("tEXt", "eXIf")));
    Path source = dir.resolve("slika.png");
    Files.write(source, tagged);
    assertEquals(40, decode(source).getWidth(), "the tagged test PNG is valid");

    Path target = dir.resolve("clean.png");
    PhotoMetadata.strip("image/png", source, target);

    List<String> types = pngChunkTypes(Files.readAllBytes(target));
    assertFalse(types.contains("tEXt"), types::toString);
    assertFalse(types.contains("eXIf"), types::toString);
    assertFalse(contains(Files.readAllBytes(target), "GPS"));
    BufferedImage image = decode(target);
    assertEquals(40, image.getWidth());
    assertEquals(30, image.getHeight());
    assertEquals(original.getRGB(10, 10), image.getRGB(10, 10), "lossless");
    assertArrayEquals(tagged, Files.readAllBytes(source));
  }

  @Test
  void tiffIsReencodedWithEveryPicture() throws Exception {
    Path source = dir.resolve("sken.tif");
    Files.write(source, encode(picture(32, 20), "tiff"));
    Path target = dir.resolve("clean.tif");
    PhotoMetadata.strip("image/tiff", source, target);
    BufferedImage image = decode(target);
    assertEquals(32, image.getWidth());
    assertEquals(20, image.getHeight());
  }

  private static byte[] riffChunk(String fourCc, byte[] payload) {
    ByteBuffer chunk =
        ByteBuffer.allocate(8 + payload.length + (payload.length & 1))
            .order(ByteOrder.LITTLE_ENDIAN);
    chunk.put(fourCc.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length).put(payload);
    return chunk.array();
  }

  private static byte[] riff(byte[]... chunks) {
    int size = 4;
    for (byte[] c : chunks) {
      size += c.length;
    }
    ByteBuffer riff = ByteBuffer.allocate(8 + size).order(ByteOrder.LITTLE_ENDIAN);
    riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(size);
    riff.put("WEBP".getBytes(StandardCharsets.US_ASCII));
    for (byte[] c : chunks) {
      riff.put(c);
    }
    return riff.array();
  }

  @Test
  void webpLosesExifAndXmpChunksAndFlags() throws Exception {
    byte[] vp8x = new byte[10];
    vp8x[0] = 0x08 | 0x04 | 0x10; // EXIF, XMP, alpha
    byte[] bitstream = {0x2f, 1, 2, 3, 4}; // odd: padded
    byte[] tagged =
        riff(
            riffChunk("VP8X", vp8x),
            riffChunk("VP8L", bitstream),
            riffChunk("EXIF", "MM\0*GPS 44.8176".getBytes(StandardCharsets.ISO_8859_1)),
            riffChunk("XMP ", "<x:xmpmeta/>".getBytes(StandardCharsets.US_ASCII)));
    Path source = dir.resolve("slika.webp");
    Files.write(source, tagged);
    Path target = dir.resolve("clean.webp");

    PhotoMetadata.strip("image/webp", source, target);

    byte[] clean = Files.readAllBytes(target);
    byte[] expected =
        riff(
            riffChunk("VP8X", new byte[] {0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
            riffChunk("VP8L", bitstream));
    assertArrayEquals(expected, clean);
    assertFalse(contains(clean, "EXIF"));
    assertFalse(contains(clean, "GPS"));
    assertEquals(clean.length - 8, ByteBuffer.wrap(clean).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
    assertEquals(0, clean[20] & (0x08 | 0x04), "EXIF and XMP flags cleared");
    assertArrayEquals(tagged, Files.readAllBytes(source));
  }

  @Test
  void aWebpChunkRunningPastTheEndIsRefused() throws Exception {
    byte[] broken = riff(riffChunk("VP8L", new byte[] {1, 2, 3, 4}));
    broken[16] = 100; // the chunk claims 100 bytes
    Path source = dir.resolve("broken.webp");
    Files.write(source, broken);
    assertUnreadable("image/webp", source);
  }

  @Test
  void anUnreadableImageIsRefusedAndLeavesNoTarget() throws Exception {
    Path source = dir.resolve("not.png");
    Files.write(source, "this is no picture".getBytes(StandardCharsets.US_ASCII));
    assertUnreadable("image/png", source);
    assertUnreadable("image/jpeg", source);
    assertUnreadable("image/tiff", source);
    assertUnreadable("image/webp", source);
  }

  @Test
  void jpegDataAfterTheEndOfThePictureIsDropped() throws Exception {
    byte[] jpeg = encode(picture(16, 16), "jpeg");
    byte[] trailing =
        "\u00ff\u00d8\u00ff\u00e1Exif GPS 44.8176".getBytes(StandardCharsets.ISO_8859_1);
    Path source = dir.resolve("mpo.jpg");
    Files.write(
        source, ByteBuffer.allocate(jpeg.length + trailing.length).put(jpeg).put(trailing).array());
    Path target = dir.resolve("clean.jpg");
    PhotoMetadata.strip("image/jpeg", source, target);
    assertArrayEquals(jpeg, Files.readAllBytes(target), "the picture itself is copied unchanged");
  }

  @Test
  void aCutJpegHeaderIsRefused() throws Exception {
    byte[] jpeg = encode(picture(16, 16), "jpeg");
    Path source = dir.resolve("cut.jpg");
    Files.write(source, java.util.Arrays.copyOf(jpeg, 30));
    assertUnreadable("image/jpeg", source);
  }

  @Test
  void aTypeThatIsNoPhotoIsAProgrammingError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PhotoMetadata.strip("application/pdf", dir.resolve("a"), dir.resolve("b")));
  }

  private void assertUnreadable(String type, Path source) {
    Path target = dir.resolve("out");
    DocumentRefusedException e =
        assertThrows(
            DocumentRefusedException.class, () -> PhotoMetadata.strip(type, source, target));
    assertEquals(PhotoMetadata.UNREADABLE, e.messageKey());
    assertFalse(Files.exists(target), "nothing half-cleaned is left");
  }
}
