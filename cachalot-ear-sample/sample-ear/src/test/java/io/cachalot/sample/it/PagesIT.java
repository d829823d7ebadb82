package io.cachalot.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.PostInvalidation;
import io.cachalot.sample.model.Book;
import io.cachalot.sample.service.Catalog;
import io.cachalot.sample.service.InvalidationLog;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample's pages over HTTP, on GlassFish: they render, a repeated request reaches the database with no
 * statement at all, a write through a form invalidates exactly the fragments and queries that show its tables,
 * a rejected (rolled back) write invalidates nothing, and the application's observer receives the
 * {@code PostInvalidation} events. Statements are counted by the sample's data source.
 */
@ExtendWith(ArquillianExtension.class)
class PagesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return SampleDeployment.ear();
    }

    @Inject
    Catalog catalog;

    @Inject
    InvalidationLog invalidations;

    @Inject
    Cachalot cachalot;

    @Test
    void everyPageRenders() {
        Book book = catalog.books(30).items().get(0);

        assertThat(Http.get("/").body()).contains("Top rated", "Latest reviews", "Publishers", "Thymeleaf page");
        assertThat(Http.get("/books?page=30").body()).contains(book.getTitle(), book.getPublisher().getName());
        assertThat(Http.get("/book?id=" + book.getId()).body())
                .contains("<h1 id=\"title\">" + book.getTitle() + "</h1>", "Add your review", "FreeMarker page");
        assertThat(Http.get("/authors?page=2").body()).contains("Page 2 of", "FreeMarker page");
        assertThat(Http.get("/edit?id=" + book.getId()).body()).contains("value=\"" + book.getTitle() + "\"");
        assertThat(Http.get("/stats").body()).contains("Cache statistics of unit", "id=\"table-BOOK\"");
        assertThat(Http.get("/book?id=999999").status()).isEqualTo(404);
    }

    @Test
    void aRepeatedRequestSendsNoStatementToTheDatabase() {
        Book book = catalog.books(31).items().get(0);

        for (String page : List.of("/", "/books?page=31", "/book?id=" + book.getId(), "/authors?page=3",
                "/edit?id=" + book.getId())) {
            assertThat(Http.post("/stats", Map.of()).status()).as("invalidate every table").isEqualTo(302);
            Http.Page first = Http.get(page);
            Http.Page second = Http.get(page);
            assertThat(first.status()).as(page).isEqualTo(200);
            assertThat(first.statements()).as("first request of " + page).isPositive();
            assertThat(second.statements()).as("second request of " + page).isZero();
            assertThat(second.body()).as(page).contains("<span class=\"sql\">0</span>");
        }
    }

    @Test
    void savingTheEditFormInvalidatesOnlyWhatShowsBooks() {
        Book book = catalog.books(32).items().get(0);
        String revised = book.getTitle() + " (revised)";
        warm("/", "/authors?page=1", "/books?page=32", "/book?id=" + book.getId());
        Http.Page home = Http.get("/");
        long mark = invalidations.count();

        Http.Page saved = Http.post("/edit", editForm(book, revised));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/book?id=" + book.getId());
        assertThat(tables(invalidations.since(mark))).as("PostInvalidation events observed").containsExactly("BOOK");
        assertThat(Http.get("/authors?page=1").statements()).as("authors (AUTHOR, BOOK_AUTHOR)").isZero();
        Http.Page homeAfter = Http.get("/");
        assertThat(homeAfter.renderedAt("publishers")).as("fragment Publisher").isEqualTo(home.renderedAt("publishers"));
        assertThat(homeAfter.renderedAt("top-rated")).as("fragment Book, Review").isNotEqualTo(home.renderedAt("top-rated"));
        assertThat(homeAfter.renderedAt("latest-reviews")).as("fragment Review..., Book")
                .isNotEqualTo(home.renderedAt("latest-reviews"));
        Http.Page books = Http.get("/books?page=32");
        assertThat(books.statements()).isPositive();
        assertThat(books.body()).contains(revised);
        assertThat(Http.get("/book?id=" + book.getId()).body()).contains("<h1 id=\"title\">" + revised + "</h1>");
    }

    @Test
    void aRejectedEditInvalidatesNothing() {
        Book[] pair = Books.twoOfOnePublisher(catalog, 34);
        Book book = pair[0];
        warm("/", "/book?id=" + book.getId());
        long mark = invalidations.count();

        Http.Page rejected = Http.post("/edit", editForm(book, pair[1].getTitle()));

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.body()).contains("already has a book titled");
        assertThat(invalidations.since(mark)).as("PostInvalidation events").isEmpty();
        Http.Page page = Http.get("/book?id=" + book.getId());
        assertThat(page.statements()).isZero();
        assertThat(page.body()).contains("<h1 id=\"title\">" + book.getTitle() + "</h1>");
        assertThat(Http.get("/").statements()).isZero();
    }

    @Test
    void addingAReviewThroughTheFormInvalidatesOnlyTheReviewTables() {
        Book book = catalog.books(36).items().get(0);
        warm("/", "/books?page=36", "/book?id=" + book.getId());
        Http.Page home = Http.get("/");
        long mark = invalidations.count();

        Http.Page added = Http.post("/book", Map.of("id", book.getId(), "reader", "form-reader", "rating", 5,
                "text", "Written through the form."));

        assertThat(added.status()).isEqualTo(302);
        assertThat(tables(invalidations.since(mark))).as("PostInvalidation events observed")
                .containsExactlyInAnyOrder("REVIEW", "READER_REVIEW");
        assertThat(Http.get("/books?page=36").statements()).as("books (BOOK, AUTHOR, PUBLISHER, BOOK_AUTHOR)").isZero();
        Http.Page homeAfter = Http.get("/");
        assertThat(homeAfter.renderedAt("publishers")).isEqualTo(home.renderedAt("publishers"));
        assertThat(homeAfter.renderedAt("latest-reviews")).isNotEqualTo(home.renderedAt("latest-reviews"));
        Http.Page page = Http.get("/book?id=" + book.getId());
        assertThat(page.statements()).isPositive();
        assertThat(page.body()).contains("Written through the form.", "form-reader");
    }

    @Test
    void aRejectedReviewInvalidatesNothing() {
        Book book = catalog.books(38).items().get(0);
        Map<String, Object> review = Map.of("id", book.getId(), "reader", "repeater", "rating", 2, "text", "Again.");
        assertThat(Http.post("/book", review).status()).isEqualTo(302);
        warm("/book?id=" + book.getId());
        long mark = invalidations.count();

        Http.Page rejected = Http.post("/book", review);

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.body()).contains("repeater already reviewed");
        assertThat(invalidations.since(mark)).as("PostInvalidation events").isEmpty();
        assertThat(Http.get("/book?id=" + book.getId()).statements()).isZero();
    }

    @Test
    void theStatsPageShowsEachTablesLastInvalidationAndTheObservedEvents() {
        long mark = invalidations.count();
        assertThat(Http.post("/stats", Map.of()).status()).isEqualTo(302);
        assertThat(tables(invalidations.since(mark))).as("PostInvalidation events of an API invalidation")
                .containsExactlyInAnyOrderElementsOf(cachalot.tables());
        warm("/");

        String stats = Http.get("/stats").body();

        for (String table : cachalot.tables()) {
            assertThat(stats).contains("id=\"table-" + table + "\"");
        }
        assertThat(stats).doesNotContain(">never<");
        assertThat(cachalot.stats().hits()).isPositive();
        assertThat(stats).contains("<td>BOOK</td>", "Last SQL statements that reached the database");
    }

    private static void warm(String... paths) {
        for (String path : paths) {
            Http.get(path);
        }
    }

    private static Map<String, Object> editForm(Book book, String title) {
        Map<String, Object> form = new HashMap<>();
        form.put("id", book.getId());
        form.put("version", book.getVersion());
        form.put("title", title);
        form.put("published", book.getPublished());
        form.put("price", book.getPrice());
        return form;
    }

    private static List<String> tables(List<PostInvalidation> events) {
        return events.stream().map(event -> event.table().toUpperCase(Locale.ROOT)).toList();
    }
}
