package io.cachalot.templates.thymeleaf;

import io.cachalot.Cachalot;
import io.cachalot.templates.testing.FragmentInvalidation;
import java.util.Map;

/** The invalidation behaviour of an element cached with {@code th:cachalot}. */
class ThymeleafInvalidationTest extends FragmentInvalidation {

    private static final String SHELF = """
            <aside th:cachalot="book, author"><p th:each="book : ${library.books()}" th:text="${book.title}">title</p></aside>""";

    @Override
    protected Shelf shelf(Cachalot cachalot) {
        Pages pages = Pages.fromStrings(cachalot);
        return library -> pages.render(SHELF, Map.of("library", library));
    }
}
