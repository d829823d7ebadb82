package io.cachalot.templates.freemarker;

import io.cachalot.Cachalot;
import io.cachalot.templates.testing.FragmentInvalidation;
import java.util.Map;

/** The invalidation behaviour of a block cached with {@code <@cachalot.cache>}. */
class FreeMarkerInvalidationTest extends FragmentInvalidation {

    private static final String SHELF = """
            <@cachalot.cache tables=["book", "author"]><#list library.books() as book><p>${book.title}</p></#list></@cachalot.cache>""";

    @Override
    protected Shelf shelf(Cachalot cachalot) {
        Pages pages = new Pages(cachalot, "golden/freemarker");
        return library -> pages.renderText(SHELF, Map.of("library", library));
    }
}
