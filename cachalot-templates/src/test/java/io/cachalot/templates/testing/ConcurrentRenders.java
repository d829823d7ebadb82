package io.cachalot.templates.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.templates.model.Author;
import io.cachalot.templates.model.Book;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders a page cached per user from several threads while another thread adds books, one commit at a time.
 * The page must render {@code user:id;id;...;} (the user, then the ids of every book, cached with key = user).
 *
 * <p>Checks that every render shows the user it was asked for (never another key's fragment), a complete set
 * of books as of some commit (never a partly rendered fragment), and at least every book committed before
 * the render started (never a fragment older than a finished write); and that once the writes are done, every
 * user gets all books, then from the cache.
 */
public final class ConcurrentRenders {

    /** Renders the page for one user. */
    public interface Page {
        String render(String user, Library library) throws Exception;
    }

    private static final List<String> USERS = List.of("alice", "bob", "carol", "dave");
    private static final int RENDER_THREADS = 6;
    private static final int RENDERS_PER_THREAD = 150;
    private static final int BOOKS_ADDED = 15;
    private static final long FIRST_ADDED_ID = 100;

    private ConcurrentRenders() {
    }

    public static void check(TemplatesUnit unit, Page page) throws Exception {
        Library library = new Library(unit);
        AtomicInteger committed = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(RENDER_THREADS + 1);
        try {
            List<Future<Integer>> renders = new ArrayList<>();
            for (int t = 0; t < RENDER_THREADS; t++) {
                renders.add(threads.submit(() -> renderMany(page, library, committed)));
            }
            Future<?> writer = threads.submit(() -> addBooks(unit, committed));
            writer.get(60, TimeUnit.SECONDS);
            int checked = 0;
            for (Future<Integer> render : renders) {
                checked += render.get(60, TimeUnit.SECONDS);
            }
            assertThat(checked).isEqualTo(RENDER_THREADS * RENDERS_PER_THREAD);
        } finally {
            threads.shutdownNow();
        }

        for (String user : USERS) {
            assertThat(bookCount(user, page.render(user, library))).as("after the writes, " + user)
                    .isEqualTo(BOOKS_ADDED);
        }
        library.takeLoads();
        for (String user : USERS) {
            assertThat(bookCount(user, page.render(user, library))).isEqualTo(BOOKS_ADDED);
        }
        assertThat(library.takeLoads()).as("loads once every fragment is cached").isZero();
    }

    private static int renderMany(Page page, Library library, AtomicInteger committed) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < RENDERS_PER_THREAD; i++) {
            String user = USERS.get(random.nextInt(USERS.size()));
            int committedBefore = committed.get();
            int added = bookCount(user, page.render(user, library));
            assertThat(added).as("books added that a render started after their commit shows")
                    .isGreaterThanOrEqualTo(committedBefore);
        }
        return RENDERS_PER_THREAD;
    }

    private static void addBooks(TemplatesUnit unit, AtomicInteger committed) {
        for (int i = 0; i < BOOKS_ADDED; i++) {
            long id = FIRST_ADDED_ID + i;
            unit.write(em -> em.persist(new Book(id, "Extra " + id, 2000, em.find(Author.class, 1L))));
            committed.incrementAndGet();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Checks the output is this user's and lists the five seeded books plus the first n added; returns n. */
    private static int bookCount(String user, String output) {
        String text = output.strip();
        assertThat(text).as("rendered for " + user).startsWith(user + ":");
        Set<Long> ids = new TreeSet<>();
        for (String id : text.substring(user.length() + 1).split(";")) {
            if (!id.isBlank()) {
                ids.add(Long.valueOf(id.strip()));
            }
        }
        int added = ids.size() - 5;
        Set<Long> expected = new TreeSet<>(List.of(1L, 2L, 3L, 4L, 5L));
        for (int i = 0; i < added; i++) {
            expected.add(FIRST_ADDED_ID + i);
        }
        assertThat(ids).as("a complete set of books as of some commit, for " + user).isEqualTo(expected);
        return added;
    }
}
