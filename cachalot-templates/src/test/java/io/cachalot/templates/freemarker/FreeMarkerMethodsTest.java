package io.cachalot.templates.freemarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.template.TemplateException;
import io.cachalot.Cachalot;
import io.cachalot.templates.testing.TemplatesUnit;
import io.cachalot.templates.testing.Writes;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cachalot.versionTag(...)} and {@code cachalot.lastInvalidation(...)} show cachalot's own values. */
class FreeMarkerMethodsTest {

    private TemplatesUnit unit;
    private Cachalot cachalot;
    private Pages pages;

    @BeforeEach
    void setUp() {
        unit = TemplatesUnit.withLibrary();
        cachalot = unit.cachalot();
        pages = new Pages(cachalot, "golden/freemarker");
    }

    @Test
    void versionTagIsCachalotsAndChangesWithAWriteToItsTables() throws Exception {
        String template = "${cachalot.versionTag(\"book\", \"author\")}|${cachalot.versionTag(\"Book, Author\")}"
                + "|${cachalot.versionTag([\"book\", \"author\"])}";
        String before = cachalot.versionTag("book", "author");

        String first = render(template);
        Writes.apply("renameAuthor", unit);
        String second = render(template);

        String after = cachalot.versionTag("book", "author");
        assertThat(after).isNotEqualTo(before);
        assertThat(first).isEqualTo(before + "|" + before + "|" + before);
        assertThat(second).isEqualTo(after + "|" + after + "|" + after);
    }

    @Test
    void lastInvalidationIsTheLatestOfItsTablesAsADateTime() throws Exception {
        String template = "${cachalot.lastInvalidation(\"review\")?long?c}|${cachalot.lastInvalidation(\"book\", \"review\")?long?c}"
                + "|${cachalot.lastInvalidation()?is_datetime?c}";
        long bookWrite = cachalot.lastInvalidation("book").orElseThrow().toEpochMilli();

        Thread.sleep(5);
        Writes.apply("addReview", unit);
        String output = render(template);

        long reviewWrite = cachalot.lastInvalidation("review").orElseThrow().toEpochMilli();
        assertThat(reviewWrite).isGreaterThan(bookWrite);
        assertThat(output).isEqualTo(reviewWrite + "|" + reviewWrite + "|true");
    }

    @Test
    void lastInvalidationFormatsAsADateTime() throws Exception {
        String output = render("${cachalot.lastInvalidation(\"book\")?iso_utc}");

        String bookWrite = cachalot.lastInvalidation("book").orElseThrow().toString();
        assertThat(output).startsWith(bookWrite.substring(0, "yyyy-mm-ddThh:mm:ss".length()));
    }

    @Test
    void unknownTableIsRejectedByName() {
        assertThatThrownBy(() -> render("${cachalot.lastInvalidation(\"boook\")!\"never\"}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("cachalot.lastInvalidation")
                .hasMessageContaining("'boook'");
    }

    private String render(String template) throws Exception {
        return pages.renderText(template, Map.of());
    }
}
