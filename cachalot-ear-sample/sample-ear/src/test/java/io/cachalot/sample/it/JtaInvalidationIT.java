package io.cachalot.sample.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachalot.Cachalot;
import io.cachalot.DisabledScope;
import io.cachalot.PostInvalidation;
import io.cachalot.sample.jdbc.SqlCounter;
import io.cachalot.sample.model.Book;
import io.cachalot.sample.service.BookEditor;
import io.cachalot.sample.service.Catalog;
import io.cachalot.sample.service.DuplicateReviewException;
import io.cachalot.sample.service.DuplicateTitleException;
import io.cachalot.sample.service.InvalidationLog;
import io.cachalot.sample.service.Reviews;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cachalot under JTA on GlassFish, inside the sample application: invalidation happens after the global
 * transaction committed (not at {@code beforeCompletion}), nothing is invalidated on rollback, and reads inside
 * a transaction see its own writes; with a stateless session bean (container-managed transactions) and a
 * {@code @Transactional} CDI bean. Every "served from the cache" is proven by counting the SQL statements that
 * reached the database on the reading thread.
 */
@ExtendWith(ArquillianExtension.class)
class JtaInvalidationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return SampleDeployment.ear();
    }

    @Inject
    Catalog catalog;

    @Inject
    BookEditor editor;

    @Inject
    Reviews reviews;

    @Inject
    InvalidationLog invalidations;

    @Inject
    EjbTransaction ejbTransaction;

    @Inject
    CdiTransaction cdiTransaction;

    @Inject
    Cachalot cachalot;

    @Test
    void aStatelessBeansCommitInvalidatesOnlyAfterTheGlobalTransactionCommitted() throws Exception {
        Book book = firstBookOnPage(10);
        String renamed = book.getTitle() + " (second edition)";
        Supplier<Optional<String>> title = () -> catalog.titleOf(book.getId());
        assertCached(title);
        long mark = invalidations.count();
        AtomicReference<Observed<Optional<String>>> inside = new AtomicReference<>();
        AtomicReference<Observed<Optional<String>>> concurrentReader = new AtomicReference<>();
        AtomicReference<Observed<Optional<String>>> concurrentReaderBeforeCommit = new AtomicReference<>();
        AtomicReference<List<PostInvalidation>> eventsBeforeCommit = new AtomicReference<>();

        ejbTransaction.call(() -> {
            editor.update(book.getId(), book.getVersion(), renamed, book.getPublished(), book.getPrice());
            inside.set(Observed.read(title));
            concurrentReader.set(Observed.readConcurrently(title));
            Observed.beforeCommit(() -> {
                eventsBeforeCommit.set(invalidations.since(mark));
                concurrentReaderBeforeCommit.set(Observed.readConcurrently(title));
            });
            return null;
        });

        assertThat(inside.get().value()).as("read-your-writes inside the transaction").contains(renamed);
        assertThat(inside.get().statements()).as("the transaction's own read went to the database").isPositive();
        Observed<Optional<String>> oldTitleFromTheCache = new Observed<>(Optional.of(book.getTitle()), 0L);
        assertThat(concurrentReader.get()).as("a concurrent reader during the transaction").isEqualTo(oldTitleFromTheCache);
        assertThat(concurrentReaderBeforeCommit.get()).as("a concurrent reader at beforeCompletion")
                .isEqualTo(oldTitleFromTheCache);
        assertThat(eventsBeforeCommit.get()).as("PostInvalidation events at beforeCompletion").isEmpty();
        assertThat(tables(invalidations.since(mark))).as("PostInvalidation events after the commit").containsExactly("BOOK");
        assertThat(Observed.read(title)).as("after the commit").isEqualTo(new Observed<>(Optional.of(renamed), 1L));
    }

    @Test
    void aStatelessBeansSystemExceptionRollsBackAndInvalidatesNothing() {
        Book[] pair = Books.twoOfOnePublisher(catalog, 12);
        Book book = pair[0];
        String takenTitle = pair[1].getTitle();
        Supplier<Optional<String>> title = () -> catalog.titleOf(book.getId());
        assertCached(title);
        Optional<Instant> lastInvalidation = cachalot.lastInvalidation(Book.class);
        long mark = invalidations.count();
        long sql = SqlCounter.total();

        assertThatThrownBy(() -> editor.update(book.getId(), book.getVersion(), takenTitle, book.getPublished(),
                book.getPrice()))
                .isInstanceOf(EJBException.class)
                .hasRootCauseInstanceOf(DuplicateTitleException.class);

        assertThat(SqlCounter.since(sql)).as("the UPDATE ran before the rollback")
                .anyMatch(statement -> statement.startsWith("UPDATE BOOK"));
        assertThat(invalidations.since(mark)).as("PostInvalidation events").isEmpty();
        assertThat(cachalot.lastInvalidation(Book.class)).isEqualTo(lastInvalidation);
        assertThat(Observed.read(title)).as("still served from the cache")
                .isEqualTo(new Observed<>(Optional.of(book.getTitle()), 0L));
        try (DisabledScope off = cachalot.disable()) {
            assertThat(Observed.read(title)).as("read from the database")
                    .isEqualTo(new Observed<>(Optional.of(book.getTitle()), 1L));
        }
    }

    @Test
    void readsInsideATransactionSeeItsWritesAndItsRollbackInvalidatesNothing() {
        Book book = firstBookOnPage(14);
        String renamed = book.getTitle() + " (draft)";
        int publisher = book.getPublisher().getId();
        Supplier<Long> booksWithTheNewTitle = () -> catalog.titleCount(publisher, renamed);
        assertThat(assertCached(booksWithTheNewTitle)).isZero();
        long mark = invalidations.count();
        AtomicReference<Observed<Long>> inside = new AtomicReference<>();

        assertThatThrownBy(() -> ejbTransaction.call(() -> {
            editor.update(book.getId(), book.getVersion(), renamed, book.getPublished(), book.getPrice());
            inside.set(Observed.read(booksWithTheNewTitle));
            throw new IllegalStateException("the caller changes its mind");
        })).isInstanceOf(EJBException.class).hasRootCauseInstanceOf(IllegalStateException.class);

        assertThat(inside.get().value()).as("read-your-writes inside the transaction").isEqualTo(1L);
        assertThat(inside.get().statements()).as("the transaction's own read went to the database").isPositive();
        assertThat(invalidations.since(mark)).as("PostInvalidation events").isEmpty();
        assertThat(Observed.read(booksWithTheNewTitle)).as("after the rollback").isEqualTo(new Observed<>(0L, 0L));
        assertThat(Observed.read(() -> catalog.titleOf(book.getId())).value()).contains(book.getTitle());
    }

    @Test
    void aTransactionalBeansCommitInvalidatesTheReviewTablesOnlyAfterCommit() throws Exception {
        Book book = firstBookOnPage(16);
        Supplier<Long> reviewCount = () -> catalog.reviewCount(book.getId());
        long before = assertCached(reviewCount);
        long mark = invalidations.count();
        AtomicReference<Observed<Long>> inside = new AtomicReference<>();
        AtomicReference<Observed<Long>> concurrentReader = new AtomicReference<>();
        AtomicReference<Observed<Long>> concurrentReaderBeforeCommit = new AtomicReference<>();
        AtomicReference<List<PostInvalidation>> eventsBeforeCommit = new AtomicReference<>();

        cdiTransaction.call(() -> {
            reviews.add(book.getId(), "jta-reader", 4, "Read on a build server.");
            inside.set(Observed.read(reviewCount));
            concurrentReader.set(Observed.readConcurrently(reviewCount));
            Observed.beforeCommit(() -> {
                eventsBeforeCommit.set(invalidations.since(mark));
                concurrentReaderBeforeCommit.set(Observed.readConcurrently(reviewCount));
            });
            return null;
        });

        assertThat(inside.get().value()).as("read-your-writes inside the transaction").isEqualTo(before + 1);
        assertThat(inside.get().statements()).as("the transaction's own read went to the database").isPositive();
        assertThat(concurrentReader.get()).as("a concurrent reader during the transaction")
                .isEqualTo(new Observed<>(before, 0L));
        assertThat(concurrentReaderBeforeCommit.get()).as("a concurrent reader at beforeCompletion")
                .isEqualTo(new Observed<>(before, 0L));
        assertThat(eventsBeforeCommit.get()).as("PostInvalidation events at beforeCompletion").isEmpty();
        assertThat(tables(invalidations.since(mark))).as("PostInvalidation events after the commit")
                .containsExactlyInAnyOrder("REVIEW", "READER_REVIEW");
        assertThat(Observed.read(reviewCount)).as("after the commit").isEqualTo(new Observed<>(before + 1, 1L));
    }

    @Test
    void aTransactionalBeansRollbackInvalidatesNothing() {
        Book book = firstBookOnPage(18);
        reviews.add(book.getId(), "twice", 3, "The first time.");
        Supplier<Long> reviewCount = () -> catalog.reviewCount(book.getId());
        long committed = assertCached(reviewCount);
        long mark = invalidations.count();
        long sql = SqlCounter.total();

        assertThatThrownBy(() -> reviews.add(book.getId(), "twice", 5, "The second time."))
                .isInstanceOf(DuplicateReviewException.class);

        assertThat(SqlCounter.since(sql)).as("the INSERT ran before the rollback")
                .anyMatch(statement -> statement.startsWith("INSERT INTO READER_REVIEW"));
        assertThat(invalidations.since(mark)).as("PostInvalidation events").isEmpty();
        assertThat(Observed.read(reviewCount)).as("still served from the cache").isEqualTo(new Observed<>(committed, 0L));
        try (DisabledScope off = cachalot.disable()) {
            assertThat(Observed.read(reviewCount).value()).as("in the database").isEqualTo(committed);
        }
    }

    @Test
    void oneTransactionThroughBothKindsOfBeanInvalidatesEachWrittenTableOnce() throws Exception {
        List<Book> books = catalog.books(20).items().subList(0, 3);
        long mark = invalidations.count();

        ejbTransaction.call(() -> {
            for (Book book : books) {
                editor.update(book.getId(), book.getVersion(), book.getTitle() + " (reprint)", book.getPublished(),
                        book.getPrice());
            }
            reviews.add(books.get(0).getId(), "one-transaction", 5, "Joined the bean's transaction.");
            return null;
        });

        assertThat(tables(invalidations.since(mark))).containsExactlyInAnyOrder("BOOK", "REVIEW", "READER_REVIEW");
    }

    private Book firstBookOnPage(int page) {
        return catalog.books(page).items().get(0);
    }

    /** Reads twice: the second read must be served from the cache with the same value. */
    private static <T> T assertCached(Supplier<T> reader) {
        Observed<T> first = Observed.read(reader);
        assertThat(Observed.read(reader)).as("a repeated read").isEqualTo(new Observed<>(first.value(), 0L));
        return first.value();
    }

    private static List<String> tables(List<PostInvalidation> events) {
        return events.stream().map(event -> event.table().toUpperCase(Locale.ROOT)).toList();
    }
}
