package io.cachalot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Code blocks of README.md and docs/*.md are copies of tested sources, so they cannot rot. A fenced block right
 * after a line {@code <!-- snippet: path/from/repo/root#name -->} must equal the lines of that file between the
 * lines holding {@code tag::name[]} and {@code end::name[]} (tag lines of any name left out, common indentation
 * removed). Every {@code java} block must have such a marker.
 *
 * <p>With {@code -Dcachalot.docs.update=true}, the blocks are rewritten from their sources instead of compared.
 */
class DocSnippetsTest {

    /** Relative to the module, where surefire runs the tests. */
    private static final Path ROOT = Path.of("..");
    private static final boolean UPDATE = Boolean.getBoolean("cachalot.docs.update");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!-- snippet: (\\S+)#([\\w.-]+) -->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)\\s*$");
    private static final Pattern TAG_LINE = Pattern.compile("(tag|end)::[\\w.-]+\\[\\]");

    /** Lines {@code first} to {@code last} (numbered from 1) of a source file, as a doc block shows them. */
    private record Region(String path, int first, int last, List<String> lines) {

        @Override
        public String toString() {
            return path + " lines " + first + "-" + last;
        }
    }

    static Stream<String> pages() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of("README.md"), docs.map(path -> "docs/" + path.getFileName())
                    .filter(name -> name.endsWith(".md")).sorted().toList().stream());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everySnippetEqualsItsTaggedSourceRegion(String page) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(page));
        List<String> updated = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = page + ":" + (i + 1);
            updated.add(lines.get(i));
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                if (MARKER.matcher(lines.get(i)).matches()
                        && (i + 1 == lines.size() || !FENCE.matcher(lines.get(i + 1)).matches())) {
                    problems.add(where + ": a snippet marker must be right above a fenced code block");
                }
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            List<String> found = lines.subList(i + 1, end);
            Matcher marker = i == 0 ? null : MARKER.matcher(lines.get(i - 1));
            if (marker != null && marker.matches()) {
                updated.addAll(checked(where, marker.group(1), marker.group(2), fence.group(1), found, problems));
            } else {
                if (fence.group(2).equals("java")) {
                    problems.add(where + ": a java block without a <!-- snippet: path#name --> line right above it;"
                            + " take the code from a tested source");
                }
                updated.addAll(found);
            }
            if (end == lines.size()) {
                problems.add(where + ": the code block is never closed");
            } else {
                updated.add(lines.get(end));
            }
            i = end;
        }
        if (UPDATE && !updated.equals(lines)) {
            Files.writeString(ROOT.resolve(page), String.join("\n", updated) + "\n");
        }
        assertThat(problems).as(page).isEmpty();
    }

    /**
     * The content a marked block should have: its source region when updating; otherwise the block as found, with
     * a problem when it differs from the region.
     */
    private static List<String> checked(String where, String path, String name, String indent, List<String> found,
            List<String> problems) {
        Region region;
        try {
            region = region(path, name);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": snippet " + path + "#" + name + ": " + e.getMessage());
            return found;
        }
        List<String> expected = region.lines().stream().map(line -> line.isEmpty() ? line : indent + line).toList();
        if (UPDATE) {
            return expected;
        }
        if (!expected.equals(found)) {
            problems.add(where + ": the block differs from " + region + ". Expected:\n" + String.join("\n", expected)
                    + "\nFound:\n" + String.join("\n", found)
                    + "\n(-Dcachalot.docs.update=true rewrites the doc blocks from their sources)");
        }
        return found;
    }

    /** The lines between {@code tag::name[]} and {@code end::name[]}, without tag lines and common indentation. */
    private static Region region(String path, String name) {
        Path source = ROOT.resolve(path).normalize();
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no file " + path + " in the repository");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = indexOf(lines, "tag::" + name + "[]", 0, path);
        int end = indexOf(lines, "end::" + name + "[]", start, path);
        List<String> region = lines.subList(start + 1, end).stream()
                .filter(line -> !TAG_LINE.matcher(line).find()).map(String::stripTrailing).toList();
        int indent = region.stream().filter(line -> !line.isEmpty())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return new Region(path, start + 2, end, region.stream()
                .map(line -> line.isEmpty() ? line : line.substring(indent)).toList());
    }

    private static int indexOf(List<String> lines, String text, int from, String path) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no line with '" + text + "' in " + path
                + (from > 0 ? " after line " + (from + 1) : ""));
    }
}
