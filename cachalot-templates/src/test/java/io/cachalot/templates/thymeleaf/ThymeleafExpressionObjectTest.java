package io.cachalot.templates.thymeleaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachalot.Cachalot;
import io.cachalot.templates.testing.TemplatesUnit;
import io.cachalot.templates.testing.Writes;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.exceptions.TemplateProcessingException;

/** {@code #cachalot.versionTag(...)} and {@code #cachalot.lastInvalidation(...)} show cachalot's own values. */
class ThymeleafExpressionObjectTest {

    private TemplatesUnit unit;
    private Cachalot cachalot;
    private Pages pages;

    @BeforeEach
    void setUp() {
        unit = TemplatesUnit.withLibrary();
        cachalot = unit.cachalot();
        pages = Pages.fromStrings(cachalot);
    }

    @Test
    void versionTagIsCachalotsAndChangesWithAWriteToItsTables() {
        String template = "<p th:text=\"${#cachalot.versionTag('book, author')}\">tag</p>"
                + "<p th:text=\"${#cachalot.versionTag('Book', 'Author')}\">tag</p>";
        String before = cachalot.versionTag("book", "author");

        String first = render(template);
        Writes.apply("addBook", unit);
        String second = render(template);

        String after = cachalot.versionTag("book", "author");
        assertThat(after).isNotEqualTo(before);
        assertThat(first).isEqualTo("<p>" + before + "</p><p>" + before + "</p>");
        assertThat(second).isEqualTo("<p>" + after + "</p><p>" + after + "</p>");
    }

    @Test
    void lastInvalidationIsTheLatestOfItsTables() {
        String template = "<p th:text=\"${#cachalot.lastInvalidation('review')}\">at</p>"
                + "<p th:text=\"${#cachalot.lastInvalidation('book', 'review')}\">at</p>";
        String bookWrite = cachalot.lastInvalidation("book").orElseThrow().toString();

        Writes.apply("addReview", unit);
        String output = render(template);

        String reviewWrite = cachalot.lastInvalidation("review").orElseThrow().toString();
        assertThat(reviewWrite).isGreaterThan(bookWrite);
        assertThat(output).isEqualTo("<p>" + reviewWrite + "</p><p>" + reviewWrite + "</p>");
    }

    @Test
    void unknownTableIsRejectedWithItsName() {
        assertThatThrownBy(() -> render("<p th:text=\"${#cachalot.versionTag('boook')}\">tag</p>"))
                .isInstanceOf(TemplateProcessingException.class)
                .hasRootCauseMessage(rootMessageOf(() -> cachalot.versionTag("boook")));
    }

    private static String rootMessageOf(Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an IllegalArgumentException");
    }

    private String render(String template) {
        return pages.render(template, Map.of());
    }
}
