package io.cachalot.templates.thymeleaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachalot.templates.model.Book;
import io.cachalot.templates.testing.Library;
import io.cachalot.templates.testing.TemplatesUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.exceptions.TemplateProcessingException;

/** A body that fails stores nothing; misuse of the attributes fails with a message naming the mistake. */
class ThymeleafErrorsTest {

    private TemplatesUnit unit;
    private Library library;
    private Pages pages;

    @BeforeEach
    void setUp() {
        unit = TemplatesUnit.withLibrary();
        library = new Library(unit);
        pages = Pages.fromStrings(unit.cachalot());
    }

    @Test
    void failingBodyStoresNothing() {
        String template = """
                <aside th:cachalot="book"><h2>Books</h2><p th:each="b : ${library.books()}" th:text="${b.title}">t</p></aside>""";
        library.failing(true);
        assertThatThrownBy(() -> render(template))
                .isInstanceOf(TemplateProcessingException.class)
                .hasRootCauseMessage("the library is closed");
        library.failing(false);
        library.takeLoads();

        String output = render(template);
        String again = render(template);

        assertThat(output).contains("<h2>Books</h2>").contains("<p>Kindred</p>");
        assertThat(again).isEqualTo(output);
        assertThat(library.takeLoads()).as("rendered once after the failure, then served").isEqualTo(1);
    }

    @Test
    void unknownTableIsRejectedWithItsName() {
        assertThatThrownBy(() -> render("<p th:cachalot=\"book, boook\">x</p>"))
                .isInstanceOf(TemplateProcessingException.class)
                .hasMessageContaining("th:cachalot")
                .hasMessageContaining("'boook'");
    }

    @Test
    void emptyTableListIsRejected() {
        assertThatThrownBy(() -> render("<p th:cachalot=\" , \">x</p>"))
                .isInstanceOf(TemplateProcessingException.class)
                .hasMessageContaining("th:cachalot")
                .hasMessageContaining("no table or entity given");
    }

    @Test
    void keyWithoutTextOfItsOwnIsRejected() {
        String template = "<p th:cachalot=\"book\" th:cachalot-key=\"${library.books()[0]}\">x</p>";

        assertThatThrownBy(() -> render(template))
                .isInstanceOf(TemplateProcessingException.class)
                .hasMessageContaining("th:cachalot: a key value of type " + Book.class.getName() + " has no text");
    }

    @Test
    void keyWithoutCachalotIsRejected() {
        assertThatThrownBy(() -> render("<p th:cachalot-key=\"${1}\">x</p>"))
                .isInstanceOf(TemplateProcessingException.class)
                .hasMessageContaining("th:cachalot-key needs th:cachalot on the same element");
    }

    @Test
    void timeoutWithoutCachalotIsRejected() {
        assertThatThrownBy(() -> render("<p th:cachalot-timeout=\"60\">x</p>"))
                .isInstanceOf(TemplateProcessingException.class)
                .hasMessageContaining("th:cachalot-timeout needs th:cachalot on the same element");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "${'soon'}", ""})
    void timeoutMustBeAPositiveNumber(String timeout) {
        assertThatThrownBy(() -> render("<p th:cachalot=\"book\" th:cachalot-timeout=\"" + timeout + "\">x</p>"))
                .isInstanceOf(TemplateProcessingException.class)
                .hasMessageContaining("th:cachalot-timeout")
                .hasMessageContaining("positive number of seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replace", "insert"})
    void cachalotOnAnInsertingElementIsRejected(String insertion) {
        String template = "<div th:fragment=\"f\">F</div><p th:" + insertion + "=\"~{::f}\" th:cachalot=\"book\">host</p>";

        assertThatThrownBy(() -> render(template))
                .isInstanceOf(TemplateProcessingException.class)
                .hasMessageContaining("th:cachalot cannot be on the element of th:" + insertion);
    }

    private String render(String template) {
        return pages.render(template, Map.of("library", library));
    }
}
