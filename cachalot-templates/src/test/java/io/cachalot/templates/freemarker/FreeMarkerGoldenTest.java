package io.cachalot.templates.freemarker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.templates.testing.Golden;
import io.cachalot.templates.testing.Library;
import io.cachalot.templates.testing.TemplatesUnit;
import io.cachalot.templates.testing.Writes;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case under {@code golden/freemarker}: each render gives exactly the expected output, and calls the data
 * provider exactly as often as the case says (0 when the block is served from the cache).
 */
class FreeMarkerGoldenTest {

    static Stream<String> cases() {
        return Golden.cases("freemarker");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersAsTheGoldenCaseSays(String name) throws Exception {
        TemplatesUnit unit = TemplatesUnit.withLibrary();
        Library library = new Library(unit);
        Pages pages = new Pages(unit.cachalot(), "golden/freemarker");
        Golden golden = Golden.of("freemarker", name);

        for (Golden.Run run : golden.runs()) {
            run.writes().forEach(write -> Writes.apply(write, unit));
            Thread.sleep(run.waitMillis());
            Map<String, Object> variables = new HashMap<>(run.variables());
            variables.put("library", library);
            library.takeLoads();

            String output = pages.render(name + "/template.ftlh", variables, run.locale());

            assertThat(output).as(run.toString()).isEqualTo(golden.expected(run));
            assertThat(library.takeLoads()).as("loads of " + run).isEqualTo(run.loads());
        }
    }
}
