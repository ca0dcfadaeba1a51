package dev.sigil.examples.agent;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/**
 * Tracee JSON from a named pipe ({@code tracee --output json:/run/tracee.pipe}), read on the
 * calling thread. When the writer closes the pipe (Tracee stops or restarts) the pipe is opened
 * again and the next writer is a new sender, with its own partial line and line numbers; with
 * {@code --once} the input ends instead.
 *
 * <p><b>Stopping.</b> Neither opening a pipe (which waits for a writer) nor reading one can
 * time out, so a stop starts a helper thread that unblocks them: it opens the pipe for reading
 * and writing for a moment (Linux never blocks that open, and it counts as a writer, so a
 * waiting open returns and then reads the end of the pipe), and it closes the pipe under a read
 * that has been waiting for {@link #QUIET_MILLIS} or is past the deadline.
 */
final class FifoInput extends Input {
  private static final long HELPER_POLL_MILLIS = 50;

  private final Path fifo;
  private final Senders senders;
  private final boolean once;
  private final PrintStream log;
  private final byte[] chunk = new byte[CHUNK_BYTES];
  private volatile boolean ended;
  private volatile boolean opening;
  private volatile @Nullable FileChannel channel;
  /** When the current read started waiting ({@code System.nanoTime()}), 0 when not reading. */
  private volatile long readingSince;

  FifoInput(Path fifo, AgentOptions options, Senders senders) {
    this.fifo = fifo;
    this.senders = senders;
    this.once = options.once();
    this.log = senders.log();
  }

  @Override
  int port() {
    return -1;
  }

  @Override
  void run() throws IOException, InterruptedException {
    try {
      if (!once && !Files.readAttributes(fifo, BasicFileAttributes.class).isOther()) {
        // A regular file would be read again and again.
        throw new IOException(fifo + " is not a named pipe (make one with mkfifo, or read a file"
            + " once with --once)");
      }
      while (!stopping()) {
        readOneWriter();
        if (once) {
          return;
        }
        if (!stopping()) {
          log.println("sigil-agent: the writer closed " + fifo + "; waiting for the next one");
        }
      }
    } finally {
      ended = true;
    }
  }

  /** Opens the pipe (waiting for a writer) and reads until that writer closes it or a stop. */
  private void readOneWriter() throws IOException, InterruptedException {
    FileInputStream in;
    opening = true;
    try {
      in = new FileInputStream(fifo.toFile());
    } finally {
      opening = false;
    }
    FileChannel pipe = in.getChannel(); // a read through the channel wakes when it is closed
    channel = pipe;
    Sender sender = senders.open(fifo.toString());
    ByteBuffer buffer = ByteBuffer.wrap(chunk);
    boolean complete = false;
    try (in) {
      while (true) {
        buffer.clear();
        int n;
        readingSince = System.nanoTime();
        try {
          n = pipe.read(buffer);
        } catch (ClosedChannelException closedByTheStop) {
          if (pastDeadline()) {
            senders.cut.increment();
          }
          return;
        } finally {
          readingSince = 0;
        }
        if (n < 0) {
          complete = true;
          return;
        }
        sender.accept(chunk, 0, n);
        if (drained(in)) {
          sender.flush(); // hold no events back while waiting for more
        }
      }
    } finally {
      channel = null;
      sender.end(complete);
      senders.closed();
    }
  }

  private static boolean drained(FileInputStream in) {
    try {
      return in.available() == 0;
    } catch (IOException closedByTheStop) {
      return true; // the next read says so
    }
  }

  @Override
  void stopAsked() {
    Thread helper = new Thread(this::unblockUntilEnded, "sigil-fifo-stop");
    helper.setDaemon(true);
    helper.start();
  }

  private void unblockUntilEnded() {
    try {
      while (!ended) {
        FileChannel pipe = channel;
        if (opening) {
          // Be a writer for a moment, so that the waiting open returns.
          FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
        } else if (pipe != null && (pastDeadline() || quiet())) {
          pipe.close(); // the read ends with ClosedChannelException
        }
        Thread.sleep(HELPER_POLL_MILLIS);
      }
    } catch (IOException e) {
      log.println("sigil-agent: could not unblock " + fifo + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean quiet() {
    long since = readingSince;
    return since != 0 && System.nanoTime() - since > QUIET_MILLIS * 1_000_000;
  }
}
