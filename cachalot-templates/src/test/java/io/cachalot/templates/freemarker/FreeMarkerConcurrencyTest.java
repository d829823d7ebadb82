package io.cachalot.templates.freemarker;

import io.cachalot.templates.testing.ConcurrentRenders;
import io.cachalot.templates.testing.TemplatesUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One FreeMarker configuration rendering a cached block from several threads while books are added. */
class FreeMarkerConcurrencyTest {

    private static final String PAGE = """
            <@cachalot.cache tables=["book"] key=user>${user}:<#list library.books() as b>${b.id?c};</#list></@cachalot.cache>""";

    @Test
    void concurrentRendersServeEachKeyItsOwnFreshFragment() throws Exception {
        TemplatesUnit unit = TemplatesUnit.withLibrary();
        Pages pages = new Pages(unit.cachalot(), "golden/freemarker");

        ConcurrentRenders.check(unit, (user, library) -> pages.renderText(PAGE, Map.of("user", user, "library", library)));
    }
}
