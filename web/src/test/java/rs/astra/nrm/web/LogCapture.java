package rs.astra.nrm.web;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the server logs (java.util.logging, where Payara's log goes) while a test step
 * runs, so that a test can check no personal value was written (issue 21).
 */
final class LogCapture extends Handler implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();

  /** Starts capturing on the root logger. */
  LogCapture() {
    Logger.getLogger("").addHandler(this);
  }

  @Override
  public void publish(LogRecord r) {
    lines.add(
        r.getMessage()
            + " "
            + Arrays.toString(r.getParameters())
            + " "
            + (r.getThrown() == null ? "" : r.getThrown().toString()));
  }

  /**
   * @return the messages, parameters and exceptions logged so far
   */
  List<String> lines() {
    return lines;
  }

  @Override
  public void flush() {}

  /** Stops capturing. */
  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
