package io.cachalot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents exactly the unit properties of {@link CachalotProperties#ALL}: a new property
 * without a row in its table, or a row left behind for a property that no longer exists, fails the build.
 */
class ConfigurationDocTest {

    /** Relative to the module, where surefire runs the tests. */
    private static final Path PAGE = Path.of("../docs/configuration.md");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(cachalot\\.[^`]+)` \\|", Pattern.MULTILINE);

    /** The rows of the table under "## The properties" (up to the next section), by property name. */
    private static List<String> propertyRows() throws IOException {
        String page = Files.readString(PAGE);
        int start = page.indexOf("\n## The properties\n");
        assertThat(start).as("section '## The properties' in " + PAGE).isNotNegative();
        int end = page.indexOf("\n### ", start);
        Matcher rows = TABLE_ROW.matcher(page.substring(start, end < 0 ? page.length() : end));
        return rows.results().map(row -> row.group(1)).toList();
    }

    @Test
    void everyPropertyHasARowInThePropertiesTable() throws IOException {
        assertThat(propertyRows()).containsAll(CachalotProperties.ALL);
    }

    @Test
    void everyRowOfThePropertiesTableIsAProperty() throws IOException {
        assertThat(CachalotProperties.ALL).containsAll(propertyRows());
        assertThat(propertyRows()).doesNotHaveDuplicates();
    }
}
