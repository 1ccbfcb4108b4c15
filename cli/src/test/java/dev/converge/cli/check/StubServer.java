package dev.converge.cli.check;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** A local HTTP server for tests: each request goes to a handler that returns status and JSON body. */
final class StubServer implements AutoCloseable {
    record Request(String method, String path, String query, String authorization, String idempotencyKey, String body) {
    }

    record Reply(int status, String body) {
    }

    private final HttpServer server;
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    StubServer(Function<Request, Reply> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> handle(exchange, handler));
        server.start();
    }

    private void handle(HttpExchange exchange, Function<Request, Reply> handler) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), body);
        requests.add(request);
        Reply reply;
        try {
            reply = handler.apply(request);
        } catch (RuntimeException e) {
            reply = new Reply(500, "{\"code\":\"STUB\",\"message\":\"" + e + "\"}");
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests(String method, String pathPrefix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
