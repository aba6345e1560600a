package dev.tributary.http;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A minimal Server-Sent Events reader for tests: parses events off a live connection. */
public final class SseClient implements AutoCloseable {
  public record Event(String id, String name, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
  private final InputStream body;
  public final HttpResponse<InputStream> response;

  public SseClient(String url, String lastEventId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
    response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    body = response.body();
    Thread reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      String name = "message";
      StringBuilder data = new StringBuilder();
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.isEmpty()) {
          if (data.length() > 0) events.add(new Event(id, name, data.toString()));
          id = null;
          name = "message";
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).trim());
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (Exception e) {
      // connection closed
    }
  }

  /** The next event, waiting up to 10 s; fails the test when none comes. */
  public Event next() throws InterruptedException {
    Event e = events.poll(10, TimeUnit.SECONDS);
    if (e == null) throw new AssertionError("no SSE event arrived");
    return e;
  }

  String nextComment() throws InterruptedException {
    String c = comments.poll(10, TimeUnit.SECONDS);
    if (c == null) throw new AssertionError("no SSE comment arrived");
    return c;
  }

  @Override
  public void close() throws java.io.IOException {
    body.close();
  }
}
