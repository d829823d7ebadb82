package io.cachalot.templates.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A golden case: a folder {@code golden/<engine>/<case>/} holding the input template ({@code template.*},
 * maybe with fragments it includes), the expected outputs, and {@code runs.txt}: one render per line, in order,
 * as {@code name=value} pairs separated by spaces.
 *
 * <ul>
 * <li>{@code expect=FILE} the output the render must give, exactly;</li>
 * <li>{@code loads=N} how often the template called the data provider during this render;</li>
 * <li>{@code write=NAME} a {@link Writes write} committed before the render (may repeat);</li>
 * <li>{@code wait=MILLIS} a pause before the render (for timeouts);</li>
 * <li>{@code locale=TAG} the render's locale (default {@code en});</li>
 * <li>anything else: a template variable (whole numbers become integers).</li>
 * </ul>
 */
public final class Golden {

    public record Run(int line, Map<String, Object> variables, Locale locale, List<String> writes, long waitMillis,
            String expect, int loads) {

        @Override
        public String toString() {
            return "runs.txt line " + line + " (" + variables + ", " + locale + ", writes " + writes + ")";
        }
    }

    private final Path folder;

    private Golden(Path folder) {
        this.folder = folder;
    }

    /** The names of the cases of one engine. */
    public static Stream<String> cases(String engine) {
        try (Stream<Path> folders = Files.list(root(engine))) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Golden of(String engine, String name) {
        return new Golden(root(engine).resolve(name));
    }

    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        List<String> lines = lines("runs.txt");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                runs.add(parse(i + 1, line));
            }
        }
        return runs;
    }

    public String expected(Run run) {
        return read(run.expect());
    }

    private Run parse(int number, String line) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Locale locale = Locale.ENGLISH;
        List<String> writes = new ArrayList<>();
        long wait = 0;
        String expect = null;
        Integer loads = null;
        for (String pair : line.split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(folder + "/runs.txt line " + number + ": not name=value: " + pair);
            }
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            switch (name) {
                case "expect" -> expect = value;
                case "loads" -> loads = Integer.valueOf(value);
                case "write" -> writes.add(value);
                case "wait" -> wait = Long.parseLong(value);
                case "locale" -> locale = Locale.forLanguageTag(value);
                default -> variables.put(name, value.matches("-?\\d+") ? (Object) Integer.valueOf(value) : value);
            }
        }
        if (expect == null || loads == null) {
            throw new IllegalArgumentException(folder + "/runs.txt line " + number + " needs expect= and loads=");
        }
        return new Run(number, variables, locale, writes, wait, expect, loads);
    }

    private List<String> lines(String file) {
        try {
            return Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(String file) {
        try {
            return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root(String engine) {
        URL url = Golden.class.getResource("/golden/" + engine);
        if (url == null) {
            throw new IllegalStateException("no golden/" + engine + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
