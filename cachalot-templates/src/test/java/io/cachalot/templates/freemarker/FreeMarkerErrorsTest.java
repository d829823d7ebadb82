package io.cachalot.templates.freemarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.template.TemplateException;
import freemarker.template.TemplateModelException;
import io.cachalot.templates.model.Book;
import io.cachalot.templates.testing.Library;
import io.cachalot.templates.testing.TemplatesUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body with an error stores nothing, whether the error fails the page, is ignored by a lenient handler or is
 * recovered by {@code #attempt}; wrong parameters are rejected with a TemplateModelException naming them.
 */
class FreeMarkerErrorsTest {

    private static final String SHELF = """
            <@cachalot.cache tables=["book"]><h2>Books</h2><#list library.books() as b><p>${b.title}</p></#list></@cachalot.cache>""";

    private TemplatesUnit unit;
    private Library library;
    private Pages pages;

    @BeforeEach
    void setUp() {
        unit = TemplatesUnit.withLibrary();
        library = new Library(unit);
        pages = new Pages(unit.cachalot(), "golden/freemarker");
    }

    @Test
    void failingBodyStoresNothing() throws Exception {
        library.failing(true);
        assertThatThrownBy(() -> render(SHELF)).isInstanceOf(TemplateException.class)
                .hasRootCauseMessage("the library is closed");

        assertBodyRendersOnceMoreThenIsServed(SHELF);
    }

    @Test
    void bodyErrorIgnoredByTheExceptionHandlerStoresNothing() throws Exception {
        pages.ignoreErrors();
        library.failing(true);
        assertThat(render(SHELF)).isEqualTo("<h2>Books</h2>");

        assertBodyRendersOnceMoreThenIsServed(SHELF);
    }

    @Test
    void bodyErrorRecoveredByAttemptStoresNothing() throws Exception {
        String template = """
                <@cachalot.cache tables=["book"]><#attempt><#list library.books() as b><p>${b.title}</p></#list><#recover>unavailable</#attempt></@cachalot.cache>""";
        library.failing(true);
        assertThat(render(template)).isEqualTo("unavailable");

        assertBodyRendersOnceMoreThenIsServed(template);
    }

    @Test
    void unknownParameterIsRejectedByName() {
        assertThatThrownBy(() -> render("<@cachalot.cache tables=[\"book\"] tabels=[\"author\"]>x</@cachalot.cache>"))
                .isInstanceOf(TemplateModelException.class)
                .hasMessageContaining("cachalot.cache: unknown parameter tabels;");
    }

    @Test
    void everyUnknownParameterIsNamed() {
        assertThatThrownBy(() -> render("<@cachalot.cache tables=\"book\" ttl=5 keys=1>x</@cachalot.cache>"))
                .isInstanceOf(TemplateModelException.class)
                .hasMessageContaining("unknown parameters keys, ttl;");
    }

    @Test
    void keyWithoutTextOfItsOwnIsRejected() {
        assertThatThrownBy(() -> render("<@cachalot.cache tables=[\"book\"] key=library.books()[0]>x</@cachalot.cache>"))
                .isInstanceOf(TemplateModelException.class)
                .hasMessageContaining("cachalot.cache: a key value of type " + Book.class.getName() + " has no text");
    }

    @Test
    void missingTablesAreRejected() {
        assertThatThrownBy(() -> render("<@cachalot.cache key=1>x</@cachalot.cache>"))
                .isInstanceOf(TemplateModelException.class)
                .hasMessageContaining("cachalot.cache: missing required parameter tables");
    }

    @Test
    void unknownTableIsRejectedByName() {
        assertThatThrownBy(() -> render("<@cachalot.cache tables=[\"book\", \"boook\"]>x</@cachalot.cache>"))
                .isInstanceOf(TemplateModelException.class)
                .hasMessageContaining("cachalot.cache")
                .hasMessageContaining("'boook'");
    }

    @Test
    void tablesMustBeNames() {
        assertThatThrownBy(() -> render("<@cachalot.cache tables=[\"book\", 42]>x</@cachalot.cache>"))
                .isInstanceOf(TemplateModelException.class)
                .hasMessageContaining("not a table name, entity name or entity class: 42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "\"soon\""})
    void timeoutMustBeAPositiveNumber(String timeout) {
        assertThatThrownBy(() -> render("<@cachalot.cache tables=[\"book\"] timeout=" + timeout + ">x</@cachalot.cache>"))
                .isInstanceOf(TemplateModelException.class)
                .hasMessageContaining("cachalot.cache timeout: timeout must be a positive number of seconds");
    }

    @Test
    void loopVariablesAreRejected() {
        assertThatThrownBy(() -> render("<@cachalot.cache tables=[\"book\"]; x>x</@cachalot.cache>"))
                .isInstanceOf(TemplateModelException.class)
                .hasMessageContaining("takes no loop variables");
    }

    @Test
    void callWithoutBodyIsRejected() {
        assertThatThrownBy(() -> render("<@cachalot.cache tables=[\"book\"]/>"))
                .isInstanceOf(TemplateModelException.class)
                .hasMessageContaining("needs a body");
    }

    private void assertBodyRendersOnceMoreThenIsServed(String template) throws Exception {
        library.failing(false);
        library.takeLoads();

        String output = render(template);
        String again = render(template);

        assertThat(output).contains("<p>Kindred</p>");
        assertThat(again).isEqualTo(output);
        assertThat(library.takeLoads()).as("rendered once after the failure, then served").isEqualTo(1);
    }

    private String render(String template) throws Exception {
        return pages.renderText(template, Map.of("library", library));
    }
}
