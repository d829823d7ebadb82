package io.cachalot.templates.thymeleaf;

import io.cachalot.templates.testing.ConcurrentRenders;
import io.cachalot.templates.testing.TemplatesUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One TemplateEngine rendering a cached element from several threads while books are added. */
class ThymeleafConcurrencyTest {

    private static final String PAGE = """
            <th:block th:cachalot="book" th:cachalot-key="${user}">[[${user}]]:<th:block th:each="b : ${library.books()}">[[${b.id}]];</th:block></th:block>""";

    @Test
    void concurrentRendersServeEachKeyItsOwnFreshFragment() throws Exception {
        TemplatesUnit unit = TemplatesUnit.withLibrary();
        Pages pages = Pages.fromStrings(unit.cachalot());

        ConcurrentRenders.check(unit, (user, library) -> pages.render(PAGE, Map.of("user", user, "library", library)));
    }
}
