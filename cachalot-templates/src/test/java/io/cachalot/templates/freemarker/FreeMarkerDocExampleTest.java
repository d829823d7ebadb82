package io.cachalot.templates.freemarker;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import io.cachalot.Cachalot;
import io.cachalot.templates.testing.Library;
import io.cachalot.templates.testing.TemplatesUnit;
import io.cachalot.templates.testing.Writes;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The FreeMarker examples of docs/templates.md: the configuration set up here and the template
 * {@code docs/freemarker/shelf.ftlh} (the code between {@code tag::name[]} and {@code end::name[]} is what the page
 * shows), rendered and counted.
 */
class FreeMarkerDocExampleTest {

    private TemplatesUnit unit;
    private Library library;
    private Configuration configuration;

    @BeforeEach
    void setUp() {
        unit = TemplatesUnit.withLibrary();
        library = new Library(unit);
        EntityManagerFactory entityManagerFactory = unit.factory();
        // tag::configuration[]
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        CachalotModel.install(configuration, Cachalot.of(entityManagerFactory));
        // end::configuration[]
        configuration.setClassLoaderForTemplateLoading(getClass().getClassLoader(), "docs/freemarker");
        this.configuration = configuration;
    }

    @Test
    void theShelfIsKeptPerUserAndRenderedAgainOnlyAfterAWriteToBookOrAuthor() {
        assertThat(render(1)).contains("<li><span>Kindred</span> by <span>Octavia E. Butler</span></li>");
        assertThat(library.takeLoads()).isEqualTo(1);
        assertThat(unit.sql().during(() -> render(1))).isZero();
        assertThat(library.takeLoads()).isZero();
        render(2);
        assertThat(library.takeLoads()).as("another user, another entry").isEqualTo(1);

        Writes.apply("addReview", unit);
        assertThat(unit.sql().during(() -> render(1))).isZero();
        assertThat(library.takeLoads()).isZero();

        Writes.apply("renameAuthor", unit);

        assertThat(unit.sql().during(() -> assertThat(render(1))
                .contains("<li><span>Kindred</span> by <span>Octavia Estelle Butler</span></li>"))).isPositive();
        assertThat(library.takeLoads()).isEqualTo(1);
    }

    @Test
    void theMethodsShowTheLastInvalidationAndTheVersionTag() {
        Cachalot cachalot = unit.cachalot();
        String bookWrite = cachalot.lastInvalidation("book").orElseThrow().toString();

        assertThat(render(1))
                .contains(bookWrite.substring(0, "yyyy-mm-ddThh:mm:ss".length()))
                .doesNotContain("never")
                .contains(cachalot.versionTag("book", "author"));
    }

    private String render(long userId) {
        StringWriter out = new StringWriter();
        try {
            configuration.getTemplate("shelf.ftlh").process(Map.of("library", library, "user", Map.of("id", userId)), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
