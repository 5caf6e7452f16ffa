package dev.gradus.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol with the JDK's own WebSocket client,
 * for tests of report.html in a real browser. It records every uncaught exception, console error,
 * log error and network request of the page. Every wait has a timeout, and {@link #close} always
 * kills the browser and its child processes.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
  private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
  private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

  private HeadlessChromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /**
   * The {@code chromium} executable on the PATH.
   *
   * @throws AssertionError saying how to install it when there is none: the test must not pass
   *     without a browser
   */
  static Path executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "chromium");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "this test opens report.html in headless Chromium, and there is no 'chromium' on the"
            + " PATH: install it (Debian: apt-get install -y chromium) and run the tests again");
  }

  /**
   * Starts the browser on {@code about:blank} with a fresh profile in {@code profile} and a window
   * of the given size, and attaches to its page with the Runtime, Page, Log and Network domains on.
   */
  static HeadlessChromium launch(Path profile, int width, int height) throws Exception {
    Path stderr = profile.resolve("chromium-stderr.txt");
    Process process =
        new ProcessBuilder(
                executable().toString(),
                "--headless=new",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "--no-sandbox",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--window-size=" + width + "," + height,
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .start();
    try {
      int port = port(process, profile.resolve("DevToolsActivePort"), stderr);
      HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      String page = null;
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (page == null) {
        HttpResponse<String> targets =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(TIMEOUT)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(targets.body())) {
          if ("page".equals(target.path("type").asText())) {
            page = target.path("webSocketDebuggerUrl").asText();
          }
        }
        if (page == null) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError("Chromium shows no page target: " + targets.body());
          }
          Thread.sleep(100);
        }
      }
      Listener listener = new Listener();
      WebSocket socket =
          http.newWebSocketBuilder()
              .connectTimeout(TIMEOUT)
              .buildAsync(URI.create(page), listener)
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      HeadlessChromium browser = new HeadlessChromium(process, socket);
      listener.browser = browser;
      for (String domain : List.of("Runtime", "Page", "Log", "Network")) {
        browser.send(domain + ".enable", Map.of());
      }
      return browser;
    } catch (Exception | Error e) {
      kill(process);
      throw e;
    }
  }

  /** The port Chromium writes into its profile once it listens, waiting for it. */
  private static int port(Process process, Path file, Path stderr) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() >= 2 && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).strip());
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "Chromium exited with code " + process.exitValue() + ": " + Files.readString(stderr));
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "Chromium wrote no DevToolsActivePort within " + TIMEOUT + ": " + Files.readString(stderr));
  }

  /** Sends a command and waits for its result. */
  JsonNode send(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    String message = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
    socket.sendText(message, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new AssertionError(method + " failed: " + answer.get("error"));
    }
    return answer.path("result");
  }

  /** Opens {@code url} and waits until its load event. */
  void navigate(String url) throws Exception {
    CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
    awaited.put("Page.loadEventFired", loaded);
    JsonNode result = send("Page.navigate", Map.of("url", url));
    if (result.has("errorText")) {
      throw new AssertionError("cannot open " + url + ": " + result.get("errorText"));
    }
    loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * The value of a JavaScript expression in the page (a promise is awaited).
   *
   * @throws AssertionError when it throws
   */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result =
        send(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError(
          "the page threw on " + expression + ": " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Evaluates {@code condition} until it is true. */
  void waitFor(String condition) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(condition + " did not become true within " + TIMEOUT);
      }
      Thread.sleep(50);
    }
  }

  /** A PNG of the viewport. */
  byte[] screenshot() throws Exception {
    String data =
        send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", false))
            .path("data")
            .asText();
    return java.util.Base64.getDecoder().decode(data);
  }

  /** Uncaught exceptions, console errors and log errors so far. */
  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /** The URL of every request the page made so far. */
  List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void received(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      errors.add("unreadable DevTools message: " + text);
      return;
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
      if (reply != null) {
        reply.complete(message);
      }
      return;
    }
    String method = message.path("method").asText();
    JsonNode params = message.path("params");
    switch (method) {
      case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          errors.add("console." + type + ": " + params.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        if (params.path("entry").path("level").asText().equals("error")) {
          errors.add("log: " + params.path("entry"));
        }
      }
      case "Network.requestWillBeSent" -> requests.add(params.path("request").path("url").asText());
      default -> {}
    }
    CompletableFuture<JsonNode> waiting = awaited.remove(method);
    if (waiting != null) {
      waiting.complete(params);
    }
  }

  @Override
  public void close() {
    try {
      socket.abort();
    } finally {
      kill(process);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Puts the fragments of each text message together and hands it on. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    volatile HeadlessChromium browser;

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        HeadlessChromium receiver = browser;
        if (receiver != null) { // set before the first command, so nothing is lost
          receiver.received(message);
        }
      }
      socket.request(1);
      return null;
    }
  }
}
