package io.cachalot.templates.thymeleaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.templates.testing.Library;
import io.cachalot.templates.testing.TemplatesUnit;
import io.cachalot.templates.testing.Writes;
import jakarta.persistence.EntityManagerFactory;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The Thymeleaf examples of docs/templates.md: the engine set up here and the template
 * {@code docs/thymeleaf/shelf.html} (the code between {@code tag::name[]} and {@code end::name[]} is what the page
 * shows), rendered and counted.
 */
class ThymeleafDocExampleTest {

    private TemplatesUnit unit;
    private Library library;
    private TemplateEngine engine;

    @BeforeEach
    void setUp() {
        unit = TemplatesUnit.withLibrary();
        library = new Library(unit);
        EntityManagerFactory entityManagerFactory = unit.factory();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("docs/thymeleaf/");
        resolver.setSuffix(".html");
        // tag::engine[]
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new CachalotDialect(Cachalot.of(entityManagerFactory)));
        // end::engine[]
        this.engine = engine;
    }

    @Test
    void theShelfIsRenderedAgainOnlyAfterAWriteToBookOrAuthor() {
        String first = render();
        assertThat(library.takeLoads()).isEqualTo(1);
        assertThat(first).contains("<li><span>Kindred</span> by <span>Octavia E. Butler</span></li>");

        assertThat(unit.sql().during(this::render)).isZero();
        Writes.apply("addReview", unit);
        assertThat(unit.sql().during(this::render)).isZero();
        assertThat(library.takeLoads()).isZero();

        Writes.apply("renameAuthor", unit);

        assertThat(unit.sql().during(() -> assertThat(render())
                .contains("<li><span>Kindred</span> by <span>Octavia Estelle Butler</span></li>"))).isPositive();
        assertThat(library.takeLoads()).isEqualTo(1);
    }

    @Test
    void theExpressionObjectShowsTheLastInvalidationAndTheVersionTag() {
        Cachalot cachalot = unit.cachalot();

        assertThat(render())
                .contains("<p>" + cachalot.lastInvalidation("book").orElseThrow() + "</p>")
                .contains("<p>" + cachalot.versionTag("book", "author") + "</p>");
    }

    private String render() {
        return engine.process("shelf", new Context(Locale.ENGLISH, Map.of("library", library)));
    }
}
