import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * POSTs every file of DIR to BASE/api/articles as text/plain from CLIENTS concurrent clients, each
 * one thread with one keep-alive HTTP/1.1 connection, as bench/post_clients.py does (same
 * arguments, same output line) but at a small fraction of its CPU: on 2 cores the load generator
 * shares the machine with the server, and the Python client's 0.18-0.22 ms of CPU per article was
 * a tenth of what the server had. Raw sockets, not {@code java.net.http.HttpClient}: the JDK's
 * client, one per thread with HTTP/1.1, cost 0.50 ms per article and held the rate at 1,000/s
 * where this one gives 1,329/s (warm, 2026-12-01). A 503 is retried after its Retry-After (capped
 * at 1 s). A file named NAME__SOURCE.txt is posted with ?source=SOURCE.
 *
 * <p>usage: java bench/PostClients.java BASE TOKEN DIR [CLIENTS]
 *
 * <p>Prints "posted N seconds S rate R created C duplicates D retried_503 X errors E
 * client_cpu_ms_per_article M".
 */
public final class PostClients {
  private static final AtomicInteger next = new AtomicInteger();
  private static final AtomicLong created = new AtomicLong();
  private static final AtomicLong duplicates = new AtomicLong();
  private static final AtomicLong retried503 = new AtomicLong();
  private static final AtomicLong errors = new AtomicLong();

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String token = args[1];
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(args[2]))) {
      files = s.sorted().toList();
    }
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    long cpu0 = processCpuNanos(); // the launcher's compile of this file is not the posting's
    long t0 = System.nanoTime();
    Thread[] threads = new Thread[clients];
    for (int i = 0; i < clients; i++) {
      threads[i] = new Thread(() -> run(base, token, files), "client-" + i);
      threads[i].start();
    }
    for (Thread t : threads) t.join();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long cpuNanos = processCpuNanos() - cpu0;
    System.out.printf(
        Locale.ROOT,
        "posted %d seconds %.1f rate %.0f created %d duplicates %d retried_503 %d errors %d"
            + " client_cpu_ms_per_article %.2f%n",
        files.size(),
        seconds,
        files.size() / seconds,
        created.get(),
        duplicates.get(),
        retried503.get(),
        errors.get(),
        cpuNanos / 1e6 / Math.max(1, files.size()));
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static void run(URI base, String token, List<Path> files) {
    Connection connection = null;
    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
      Path file = files.get(i);
      byte[] request;
      try {
        request = request(base, token, file);
      } catch (IOException e) {
        errors.incrementAndGet();
        continue;
      }
      while (true) {
        int status;
        try {
          if (connection == null) connection = new Connection(base);
          status = connection.exchange(request);
        } catch (IOException e) {
          connection = close(connection);
          errors.incrementAndGet();
          break;
        }
        if (status == 503) {
          retried503.incrementAndGet();
          sleep(Math.min(1000, connection.retryAfterMillis));
          continue;
        }
        (status == 201 ? created : status == 200 ? duplicates : errors).incrementAndGet();
        break;
      }
    }
    close(connection);
  }

  private static byte[] request(URI base, String token, Path file) throws IOException {
    byte[] body = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    String target = "/api/articles";
    int sep = stem.indexOf("__");
    if (sep >= 0) {
      target += "?source=" + URLEncoder.encode(stem.substring(sep + 2), StandardCharsets.UTF_8);
    }
    String head =
        "POST " + target + " HTTP/1.1\r\n"
            + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
            + "Authorization: Bearer " + token + "\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: " + body.length + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[h.length + body.length];
    System.arraycopy(h, 0, request, 0, h.length);
    System.arraycopy(body, 0, request, h.length, body.length);
    return request;
  }

  private static Connection close(Connection connection) {
    if (connection != null) {
      try {
        connection.socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    return null;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One keep-alive connection: writes a request, reads the status, headers and body. */
  private static final class Connection {
    final Socket socket;
    final OutputStream out;
    final InputStream in;
    long retryAfterMillis = 1000;

    Connection(URI base) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(120_000);
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    int exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String statusLine = line();
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2) throw new IOException("no status line: " + statusLine);
      int status = Integer.parseInt(parts[1]);
      long length = -1;
      boolean chunked = false;
      retryAfterMillis = 1000;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon < 0) continue;
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "retry-after" -> retryAfterMillis = (long) (Double.parseDouble(value) * 1000);
          default -> {}
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
            size > 0;
            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
          skip(size);
          line();
        }
        while (!line().isEmpty()) {} // trailers
      } else if (length > 0) {
        skip(length);
      }
      return status;
    }

    private void skip(long n) throws IOException {
      while (n > 0) {
        long skipped = in.skip(n);
        if (skipped <= 0) {
          if (in.read() < 0) throw new IOException("connection closed in a body");
          skipped = 1;
        }
        n -= skipped;
      }
    }

    private String line() throws IOException {
      StringBuilder s = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) throw new IOException("connection closed");
        if (c != '\r') s.append((char) c);
      }
      return s.toString();
    }
  }
}
