package io.cachalot.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Readers and writers on several threads. */
@ParameterizedClass
@EnumSource(Database.class)
class ConcurrencyTest {

    private static final int READERS = 4;
    private static final int ROUNDS = 15;
    private static final long TIMEOUT_SECONDS = 60;

    @Parameter
    Database database;

    TestUnit unit;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * In each round the writer commits one new author while the readers keep counting authors; once the commit
     * has returned, each reader reads twice more. A read that started after a commit returned must count it.
     */
    @Test
    void readThatStartsAfterACommitReturnedSeesIt() throws Exception {
        CyclicBarrier roundStart = new CyclicBarrier(READERS + 1);
        CyclicBarrier roundEnd = new CyclicBarrier(READERS + 1);
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        List<String> stale = new CopyOnWriteArrayList<>();
        List<Future<?>> tasks = new ArrayList<>();
        tasks.add(threads.submit(() -> {
            for (int round = 1; round <= ROUNDS; round++) {
                int id = 100 + round;
                await(roundStart);
                unit.write(em -> em.persist(new Author(id, "Writer " + id, null)));
                committed.set(round);
                await(roundEnd);
            }
            return null;
        }));
        for (int r = 0; r < READERS; r++) {
            tasks.add(threads.submit(() -> {
                for (int round = 1; round <= ROUNDS; round++) {
                    await(roundStart);
                    int readsAfterCommit = 0;
                    while (readsAfterCommit < 2) {
                        int seenBefore = committed.get();
                        long count = unit.read(Library::authorCount);
                        reads.incrementAndGet();
                        if (count < 3 + seenBefore) {
                            stale.add("read " + count + " authors after commit " + seenBefore + " returned");
                        }
                        if (seenBefore == round) {
                            readsAfterCommit++;
                        }
                    }
                    await(roundEnd);
                }
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get(TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
        }

        long countStatements = unit.sql().statements().stream()
                .filter(sql -> sql.toUpperCase(Locale.ROOT).startsWith("SELECT COUNT")).count();
        assertThat(stale).isEmpty();
        assertThat(unit.read(Library::authorCount)).isEqualTo(3 + ROUNDS);
        assertThat(countStatements).as("some reads were hits").isLessThan(reads.get());
    }

    @Test
    void concurrentMissesOfOneQueryRunItOnce() throws Exception {
        int threadCount = 8;
        CyclicBarrier start = new CyclicBarrier(threadCount);
        List<Callable<List<String>>> readers = new ArrayList<>();
        for (int i = 0; i < threadCount; i++) {
            readers.add(() -> {
                await(start);
                return unit.read(Library::authorNames);
            });
        }

        unit.sql().reset();
        List<List<String>> results = new ArrayList<>();
        for (Future<List<String>> future : threads.invokeAll(readers, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            results.add(future.get());
        }

        assertThat(unit.sql().statements()).hasSize(1);
        assertThat(results).hasSize(threadCount)
                .allSatisfy(names -> assertThat(names).containsExactly("Tolkien", "Le Guin", "Pratchett"));
    }

    @Test
    void concurrentMissesOfDifferentParametersEachRunTheirQuery() throws Exception {
        CyclicBarrier start = new CyclicBarrier(3);
        List<Callable<String>> readers = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            long authorId = id;
            readers.add(() -> {
                await(start);
                return unit.read(em -> em.createQuery("SELECT a.name FROM Author a WHERE a.id = :id", String.class)
                        .setParameter("id", authorId).getSingleResult());
            });
        }

        unit.sql().reset();
        List<String> names = new ArrayList<>();
        for (Future<String> future : threads.invokeAll(readers, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            names.add(future.get());
        }

        assertThat(names).containsExactly("Tolkien", "Le Guin", "Pratchett");
        assertThat(unit.sql().count()).isEqualTo(3);
    }

    @Test
    void entitiesFromOneSharedMissAreSeparateInstancesPerEntityManager() throws Exception {
        int threadCount = 6;
        CyclicBarrier start = new CyclicBarrier(threadCount);
        List<Callable<Author>> readers = new ArrayList<>();
        for (int i = 0; i < threadCount; i++) {
            readers.add(() -> {
                await(start);
                return unit.read(em -> {
                    Author author = em.createQuery("SELECT a FROM Author a WHERE a.id = 2", Author.class).getSingleResult();
                    author.setName("changed by one reader");
                    return author;
                });
            });
        }

        unit.sql().reset();
        List<Author> authors = new ArrayList<>();
        for (Future<Author> future : threads.invokeAll(readers, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            authors.add(future.get());
        }

        assertThat(unit.sql().count()).isEqualTo(1);
        assertThat(authors).doesNotHaveDuplicates();
        String storedName = unit.read(em -> em.createQuery("SELECT a FROM Author a WHERE a.id = 2", Author.class)
                .getSingleResult().getName());
        assertThat(storedName).isEqualTo("Le Guin");
    }

    private static void await(CyclicBarrier barrier) throws Exception {
        barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
