package dev.sigil.examples.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Tracee JSON from TCP connections on a loopback port, each connection read by a thread of its
 * own, so an idle or slow sender never delays another.
 *
 * <p><b>At most {@code --max-connections} at once</b> (64 by default): each costs a thread, a
 * read buffer and a partial line of up to the line limit. A sender beyond the limit is not
 * refused; it waits in the kernel's accept queue until a connection ends. A connection that
 * sends nothing for {@code --idle-timeout} (10 minutes by default) is closed, so that idle
 * connections cannot hold every slot; a partial line it left is counted as incomplete.
 *
 * <p><b>Stopping.</b> Connections already accepted are read until they are quiet or the deadline
 * passes. Connections still waiting in the accept queue are then accepted and read too, while
 * the deadline allows and a slot is free; the rest are closed unread and counted, never dropped
 * silently (closing the server socket with them queued would reset them without a trace).
 */
final class SocketInput extends Input {
  /** After the deadline, how many queued connections are counted before the socket closes. */
  private static final int MAX_COUNTED_AT_STOP = 1024;

  private final ServerSocket server;
  private final Semaphore slots;
  private final Senders senders;
  private final boolean once;
  private final long drainNanos;
  /** How long a connection may send nothing before it is closed; 0 for never. */
  private final long idleNanos;
  private final PrintStream log;
  private final Set<Thread> readers = ConcurrentHashMap.newKeySet();

  SocketInput(int port, AgentOptions options, Senders senders) throws IOException {
    this.slots = new Semaphore(options.maxConnections());
    this.senders = senders;
    this.once = options.once();
    this.drainNanos = options.drainGrace().toNanos();
    this.idleNanos = options.idleTimeout().toNanos();
    this.log = senders.log();
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      socket.setSoTimeout((int) QUIET_MILLIS);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    this.server = socket;
  }

  @Override
  int port() {
    return server.getLocalPort();
  }

  @Override
  void run() throws IOException, InterruptedException {
    try {
      acceptUntilStopped();
      acceptWhatWaits();
    } finally {
      stop(System.nanoTime() + drainNanos); // when the server failed: end the connections too
      server.close();
      for (Thread reader : readers) {
        reader.join();
      }
      long unread = senders.unread.sum();
      if (unread > 0) {
        log.println("sigil-agent: " + unread + " connection(s) waiting at the stop were closed"
            + " unread");
      }
    }
  }

  private void acceptUntilStopped() throws IOException, InterruptedException {
    while (!stopping()) {
      if (!slots.tryAcquire(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
        continue; // every slot is busy: new senders wait in the accept queue
      }
      Socket socket = acceptOrNull();
      if (socket == null) {
        slots.release();
        continue;
      }
      Thread reader = serve(socket);
      if (once) {
        reader.join();
        stop(System.nanoTime()); // --once: the first connection was the input
      }
    }
  }

  /** At a stop: serves the connections already queued while time and slots allow, counts the rest. */
  private void acceptWhatWaits() throws IOException, InterruptedException {
    server.setSoTimeout(1); // from now on, an accept that times out means the queue is empty
    int counted = 0;
    while (counted < MAX_COUNTED_AT_STOP) {
      long left = nanosLeft();
      boolean slot = left > 0 && slots.tryAcquire(left, TimeUnit.NANOSECONDS);
      Socket socket = acceptOrNull();
      if (socket == null) {
        if (slot) {
          slots.release();
        }
        return;
      }
      if (slot) {
        serve(socket);
      } else {
        closeQuietly(socket);
        senders.unread.increment();
        counted++;
      }
    }
  }

  private @Nullable Socket acceptOrNull() throws IOException {
    try {
      return server.accept();
    } catch (SocketTimeoutException nothingWaiting) {
      return null;
    }
  }

  /** Reads a connection on a thread of its own, which gives its slot back at the end. */
  private Thread serve(Socket socket) {
    Sender sender = senders.open(socket.getInetAddress().getHostAddress() + ":" + socket.getPort());
    Thread reader = new Thread(() -> {
      try (socket) {
        read(socket, sender);
      } catch (IOException e) {
        if (!stopping()) {
          log.println("sigil-agent: connection " + sender.id() + ": " + e.getMessage());
        }
      } catch (InterruptedException e) {
        log.println("sigil-agent: connection " + sender.id() + ": interrupted");
      } finally {
        senders.closed();
        readers.remove(Thread.currentThread());
        slots.release();
      }
    }, "sigil-connection-" + sender.id());
    readers.add(reader);
    reader.start();
    return reader;
  }

  private void read(Socket socket, Sender sender) throws IOException, InterruptedException {
    socket.setSoTimeout((int) QUIET_MILLIS);
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[CHUNK_BYTES];
    boolean complete = false;
    long lastData = System.nanoTime();
    try {
      while (true) {
        int n;
        try {
          n = in.read(chunk);
        } catch (SocketTimeoutException quiet) {
          if (stopping()) {
            return; // quiet during a stop: it has sent what it will
          }
          if (idleNanos > 0 && System.nanoTime() - lastData >= idleNanos) {
            // An idle connection holds a slot (and a thread) that a live sender may need.
            senders.idle.increment();
            log.println("sigil-agent: connection " + sender.id() + " sent nothing for "
                + idleNanos / 1_000_000_000.0 + " s: closed (--idle-timeout)");
            return;
          }
          continue;
        }
        lastData = System.nanoTime();
        if (n < 0) {
          complete = true;
          return;
        }
        sender.accept(chunk, 0, n);
        if (in.available() == 0) {
          sender.flush(); // hold no events back while waiting for more
        }
        if (stopping() && pastDeadline()) {
          senders.cut.increment();
          log.println("sigil-agent: connection " + sender.id() + " still sending when the stop's"
              + " drain time ran out: cut");
          return;
        }
      }
    } finally {
      sender.end(complete);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing an unread connection: nothing to do about a failure
    }
  }
}
