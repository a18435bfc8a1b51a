package rs.astra.nrm.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through between the portal and PostgreSQL that can record the statements the portal sends,
 * with their bound values, exactly as its JDBC driver sends them (PostgreSQL's extended query
 * protocol: Parse, Bind, Execute; and simple Query). It forwards every byte unchanged in both
 * directions; while recording is on it also notes each executed statement. This is how the harness
 * gets "the same SQL the list executes" without turning on EclipseLink's parameter log (which the
 * portal forbids: bound values can be personal data).
 *
 * <p>The portal must connect without TLS ({@code sslmode=disable}) so that the messages can be
 * read.
 */
final class PgWireRecorder implements AutoCloseable {

  /**
   * One bound parameter: its type OID (0 = unspecified), format and raw bytes ({@code null} =
   * NULL).
   */
  record Param(int oid, boolean binary, byte[] value) {
    /**
     * @return the value as text (binary integers decoded), or {@code null}
     */
    String text() {
      if (value == null) {
        return null;
      }
      if (!binary) {
        return new String(value, StandardCharsets.UTF_8);
      }
      return switch (value.length) {
        case 2 -> String.valueOf(ByteBuffer.wrap(value).getShort());
        case 4 ->
            oid == 700
                ? String.valueOf(ByteBuffer.wrap(value).getFloat())
                : String.valueOf(ByteBuffer.wrap(value).getInt());
        case 8 ->
            oid == 701
                ? String.valueOf(ByteBuffer.wrap(value).getDouble())
                : String.valueOf(ByteBuffer.wrap(value).getLong());
        case 1 -> value[0] != 0 ? "true" : "false";
        default ->
            throw new IllegalStateException(
                "binary parameter of type " + oid + " and " + value.length + " bytes");
      };
    }
  }

  /**
   * One executed statement.
   *
   * @param connection which of the portal's connections sent it
   * @param roundTrip which round trip of that connection (statements sent together before one Sync,
   *     as a JDBC batch is, share it)
   * @param sql the statement as sent, with {@code $n} placeholders
   * @param params the bound values
   */
  record Executed(int connection, int roundTrip, String sql, List<Param> params) {}

  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile List<Executed> recording;
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

  /**
   * Listens on a free local port.
   *
   * @param upstreamHost PostgreSQL's host
   * @param upstreamPort its port
   */
  PgWireRecorder(String upstreamHost, int upstreamPort) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.upstreamHost = upstreamHost;
    this.upstreamPort = upstreamPort;
    Thread accept = Thread.ofPlatform().daemon().name("pg-recorder-accept").start(this::acceptLoop);
    accept.setPriority(Thread.NORM_PRIORITY);
  }

  private volatile Map<String, String> sessionParameters = Map.of();

  /**
   * @return the parameters the portal's last connection started its session with (user, database,
   *     {@code options} …), so that the replay connects the same way
   */
  Map<String, String> sessionParameters() {
    return sessionParameters;
  }

  /**
   * @return the local port the portal connects to
   */
  int port() {
    return server.getLocalPort();
  }

  /** Starts recording executed statements (discarding any earlier recording). */
  void startRecording() {
    recording = Collections.synchronizedList(new ArrayList<>());
  }

  /**
   * @return what was executed since {@link #startRecording()}, in order; recording stops
   */
  List<Executed> stopRecording() {
    List<Executed> r = recording;
    recording = null;
    return r == null ? List.of() : List.copyOf(r);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(upstreamHost, upstreamPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        int id = connections.incrementAndGet();
        Thread.ofPlatform()
            .daemon()
            .name("pg-recorder-up-" + id)
            .start(() -> frontend(id, client, upstream));
        Thread.ofPlatform()
            .daemon()
            .name("pg-recorder-down-" + id)
            .start(() -> copy(upstream, client));
      } catch (IOException e) {
        if (!server.isClosed()) {
          System.err.println("recorder: " + e);
        }
      }
    }
  }

  /** Server to client: bytes as they come. */
  private static void copy(Socket from, Socket to) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // The other side closed.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Client to server: message by message, noting Parse, Bind, Execute and Query. */
  private void frontend(int id, Socket client, Socket upstream) {
    Map<String, String> statements = new HashMap<>();
    Map<String, int[]> types = new HashMap<>();
    String boundSql = null;
    List<Param> bound = List.of();
    int roundTrip = 0;
    try (DataInputStream in =
            new DataInputStream(new BufferedInputStream(client.getInputStream(), 64 * 1024));
        OutputStream out = new BufferedOutputStream(upstream.getOutputStream(), 64 * 1024)) {
      // Start-up phase: length-prefixed messages without a type byte (SSL or GSS requests first).
      while (true) {
        int length = in.readInt();
        byte[] body = in.readNBytes(length - 4);
        out.write(ByteBuffer.allocate(4).putInt(length).array());
        out.write(body);
        out.flush();
        ByteBuffer startup = ByteBuffer.wrap(body);
        int code = startup.getInt();
        if (code != 80877103 && code != 80877104) {
          // The StartupMessage: parameter names and values, up to an empty name.
          Map<String, String> parameters = new java.util.LinkedHashMap<>();
          while (startup.hasRemaining()) {
            String name = cstring(startup);
            if (name.isEmpty()) {
              break;
            }
            parameters.put(name, cstring(startup));
          }
          sessionParameters = Map.copyOf(parameters);
          break;
        }
      }
      while (true) {
        int type = in.read();
        if (type < 0) {
          return;
        }
        int length = in.readInt();
        byte[] body = in.readNBytes(length - 4);
        out.write(type);
        out.write(ByteBuffer.allocate(4).putInt(length).array());
        out.write(body);
        if (in.available() == 0) {
          out.flush();
        }
        if (type == 'S') {
          roundTrip++;
        }
        List<Executed> rec = recording;
        if (rec == null && type != 'P') {
          continue;
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        switch (type) {
          case 'P' -> {
            String name = cstring(b);
            String sql = cstring(b);
            int n = b.getShort();
            int[] oids = new int[n];
            for (int i = 0; i < n; i++) {
              oids[i] = b.getInt();
            }
            statements.put(name, sql);
            types.put(name, oids);
          }
          case 'B' -> {
            cstring(b);
            String name = cstring(b);
            int nFormats = b.getShort();
            short[] formats = new short[nFormats];
            for (int i = 0; i < nFormats; i++) {
              formats[i] = b.getShort();
            }
            int n = b.getShort();
            int[] oids = types.getOrDefault(name, new int[0]);
            List<Param> params = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              int len = b.getInt();
              byte[] value = null;
              if (len >= 0) {
                value = new byte[len];
                b.get(value);
              }
              boolean binary = nFormats == 1 ? formats[0] == 1 : nFormats > i && formats[i] == 1;
              params.add(new Param(i < oids.length ? oids[i] : 0, binary, value));
            }
            boundSql = statements.get(name);
            bound = params;
          }
          case 'E' -> {
            if (rec != null && boundSql != null) {
              rec.add(new Executed(id, roundTrip, boundSql, bound));
            }
          }
          case 'Q' -> {
            if (rec != null) {
              rec.add(new Executed(id, roundTrip++, cstring(b), List.of()));
            }
          }
          default -> {}
        }
      }
    } catch (IOException e) {
      // The portal closed the connection.
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
    }
  }

  private static String cstring(ByteBuffer b) {
    int start = b.position();
    while (b.get() != 0) {
      // Scan to the terminating zero.
    }
    return new String(b.array(), start, b.position() - start - 1, StandardCharsets.UTF_8);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (open) {
      open.forEach(PgWireRecorder::closeQuietly);
    }
  }
}
