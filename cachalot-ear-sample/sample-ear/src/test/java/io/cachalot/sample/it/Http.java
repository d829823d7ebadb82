package io.cachalot.sample.it;

import io.cachalot.sample.jdbc.SqlCounter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Requests to the deployed sample, with the number of SQL statements that each one sent to the database. */
final class Http {

    private static final String BASE = "http://localhost:" + Integer.getInteger("sample.it.port", 18080)
            + SampleDeployment.CONTEXT_ROOT;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A response and the statements the server ran for it. */
    record Page(int status, String body, String location, long statements) {

        /** The "rendered at" time inside the cached fragment with this id: unchanged while it is served from the cache. */
        String renderedAt(String fragmentId) {
            Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(fragmentId) + "\"[\\s\\S]*?rendered at <span>([^<]+)</span>")
                    .matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("No fragment " + fragmentId + " in " + body);
            }
            return matcher.group(1);
        }
    }

    private Http() {
    }

    static Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET());
    }

    static Page post(String path, Map<String, Object> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(String.valueOf(field.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Page send(HttpRequest.Builder request) {
        long before = SqlCounter.total();
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null), SqlCounter.total() - before);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
