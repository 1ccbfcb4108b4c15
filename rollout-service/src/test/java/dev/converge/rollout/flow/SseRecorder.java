package dev.converge.rollout.flow;

import dev.converge.common.events.StatusChanged;
import dev.converge.common.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A plain SSE client on {@code GET /v1/events}: records (id, event) pairs as they arrive. */
final class SseRecorder implements AutoCloseable {
    record Received(long id, StatusChanged event) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;

    SseRecorder(URI uri, String token, String lastEventId) {
        reader = new Thread(() -> read(uri, token, lastEventId), "sse-recorder");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofLines());
            lines = response.body();
            long[] id = {-1};
            StringBuilder data = new StringBuilder();
            lines.forEach(line -> {
                if (line.startsWith("id:")) {
                    id[0] = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && data.length() > 0) {
                    received.add(new Received(id[0], Json.decode(data.toString(), StatusChanged.class)));
                    data.setLength(0);
                }
            });
        } catch (Exception e) {
            // closed by the test
        }
    }

    List<String> statuses() {
        return received.stream().map(r -> r.event().subjectType() + ":" + r.event().subjectId() + ":" + r.event().status())
                .toList();
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
        reader.interrupt();
    }
}
