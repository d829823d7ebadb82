package io.cachalot.templates.bench;

import freemarker.template.Configuration;
import freemarker.template.Template;
import io.cachalot.DisabledScope;
import io.cachalot.templates.freemarker.CachalotModel;
import io.cachalot.templates.model.Author;
import io.cachalot.templates.model.Book;
import io.cachalot.templates.testing.Library;
import io.cachalot.templates.testing.TemplatesUnit;
import io.cachalot.templates.thymeleaf.CachalotDialect;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Render time of a costly fragment (a 300-row table read through JPA), per engine, in three setups:
 * no cache at all (cachalot disabled on the thread), only cachalot's query cache, and the fragment cache.
 * A plain repeated-timing program, not a test: run it with the command in docs/templates.md.
 */
public final class FragmentRenderBenchmark {

    private static final int EXTRA_BOOKS = 295;
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final int ROUNDS = 7;
    private static final long ROUND_NANOS = 1_000_000_000L;

    private static final String THYMELEAF = """
            <table>
              <tr th:each="book, row : ${library.books()}" th:class="${row.odd} ? 'odd' : 'even'">
                <td th:text="${row.count}">1</td>
                <td th:text="${#strings.toUpperCase(book.title)}">title</td>
                <td th:text="${book.author.name}">author</td>
                <td th:text="${#numbers.formatInteger(book.published, 4)}">year</td>
              </tr>
            </table>""";
    private static final String FREEMARKER = """
            <table>
            <#list library.books() as book>
              <tr class="${book?is_odd_item?then('odd', 'even')}">
                <td>${book?counter}</td>
                <td>${book.title?upper_case}</td>
                <td>${book.author.name}</td>
                <td>${book.published?c}</td>
              </tr>
            </#list>
            </table>""";

    private FragmentRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TemplatesUnit unit = TemplatesUnit.withLibrary();
        unit.write(em -> {
            Author author = em.find(Author.class, 2L);
            for (int i = 0; i < EXTRA_BOOKS; i++) {
                em.persist(new Book(10_000 + i, "Robot Story " + i, 1950 + i % 50, author));
            }
        });
        Library library = new Library(unit);
        Map<String, Object> variables = Map.of("library", library);

        TemplateEngine thymeleaf = new TemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCacheable(true);
        thymeleaf.setTemplateResolver(resolver);
        thymeleaf.addDialect(new CachalotDialect(unit.cachalot()));
        String thymeleafCached = "<aside th:cachalot=\"book, author\">" + THYMELEAF + "</aside>";
        String thymeleafPlain = "<aside>" + THYMELEAF + "</aside>";
        Context context = new Context(Locale.ENGLISH, variables);

        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
        CachalotModel.install(freemarker, unit.cachalot());
        Template freemarkerCached = new Template("cached.ftlh",
                "<aside><@cachalot.cache tables=[\"book\", \"author\"]>" + FREEMARKER + "</@cachalot.cache></aside>", freemarker);
        Template freemarkerPlain = new Template("plain.ftlh", "<aside>" + FREEMARKER + "</aside>", freemarker);

        System.out.printf("Costly fragment: %d rows read through JPA (H2 in memory), rendered.%n", 5 + EXTRA_BOOKS);
        System.out.printf("%-10s %14s %14s %14s %10s %10s%n", "engine", "no cache µs", "query cache µs",
                "fragment µs", "x vs none", "x vs query");
        report("Thymeleaf",
                () -> { try (DisabledScope off = unit.cachalot().disable()) { return thymeleaf.process(thymeleafPlain, context); } },
                () -> thymeleaf.process(thymeleafPlain, context),
                () -> thymeleaf.process(thymeleafCached, context));
        report("FreeMarker",
                () -> { try (DisabledScope off = unit.cachalot().disable()) { return process(freemarkerPlain, variables); } },
                () -> process(freemarkerPlain, variables),
                () -> process(freemarkerCached, variables));
        System.exit(0);
    }

    private static String process(Template template, Map<String, Object> variables) throws Exception {
        StringWriter out = new StringWriter();
        template.process(variables, out);
        return out.toString();
    }

    private static void report(String engine, Callable<String> uncached, Callable<String> queryCached,
            Callable<String> fragmentCached) throws Exception {
        String expected = uncached.call();
        if (!expected.equals(queryCached.call()) || !expected.equals(fragmentCached.call())) {
            throw new IllegalStateException(engine + ": the three setups render different pages");
        }
        double none = medianMicros(uncached);
        double query = medianMicros(queryCached);
        double fragment = medianMicros(fragmentCached);
        System.out.printf("%-10s %14.1f %14.1f %14.1f %10.0f %10.0f%n", engine, none, query, fragment,
                none / fragment, query / fragment);
    }

    /** Median over rounds of the mean render time within a round, after a warm-up. */
    private static double medianMicros(Callable<String> render) throws Exception {
        long sink = 0;
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            sink += render.call().length();
        }
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            long end = start + ROUND_NANOS;
            int renders = 0;
            long now;
            do {
                sink += render.call().length();
                renders++;
                now = System.nanoTime();
            } while (now < end);
            rounds[r] = (now - start) / 1000.0 / renders;
        }
        if (sink == 42) {
            System.out.print("");
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }
}
