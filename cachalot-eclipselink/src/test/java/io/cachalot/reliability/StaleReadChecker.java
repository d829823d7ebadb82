package io.cachalot.reliability;

import io.cachalot.model.CardPayment;
import io.cachalot.model.Payment;
import io.cachalot.model.Sample;
import io.cachalot.testing.CountingDataSource;
import io.cachalot.testing.Database;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A stale-read checker, bounded in time and in operations. Each writer owns one counter, held twice: the amount
 * of payment {@code FIRST_ID + w} and the {@code longValue} of sample {@code FIRST_ID + w}. It commits
 * increments of both in one transaction, through ORM changes, bulk JPQL or native SQL, and rolls some
 * transactions back on purpose after writing a negative value. Readers run cached queries (by id, scalar
 * JPQL, an aggregate, a native join, a JPQL subquery and a JPQL join), some inside a database transaction.
 *
 * <p>The oracle: a read that starts after a commit returned sees it. Each writer publishes its counter only
 * after {@code commit()} returned; a reader notes every published counter before it starts, and each value it
 * reads must be at least that, at most one more than what is published when it ends (a commit in flight), and
 * never negative (a rolled-back write). A writer also reads its own counter back before each transaction and
 * must find exactly what it last committed; at the end the database must hold every committed increment.
 */
final class StaleReadChecker {

    static final int WRITERS = 3;
    static final int READERS = 3;
    static final long FIRST_ID = 1001;
    private static final int ROLLBACK_PERCENT = 20;
    private static final int IN_TRANSACTION_PERCENT = 25;
    private static final int EXAMPLES = 20;
    /** Writers pause up to this long between transactions, so that readers find results to hit. */
    private static final long WRITER_PAUSE_NANOS = 10_000_000;

    /** Units standing in for application servers sharing one store; each operation runs on one of them at random. */
    private final List<EntityManagerFactory> factories;
    private final CountingDataSource sql;
    private final Database database;
    private final AtomicLongArray committed = new AtomicLongArray(WRITERS);
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong rollbacks = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong readsInTransaction = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final List<String> examples = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile long deadline;
    private volatile long maxOperations;

    StaleReadChecker(EntityManagerFactory factory, CountingDataSource sql, Database database) {
        this(List.of(factory), sql, database);
    }

    /** A checker whose writes and reads each go through one of several units (nodes) of the same store. */
    StaleReadChecker(List<EntityManagerFactory> factories, CountingDataSource sql, Database database) {
        this.factories = List.copyOf(factories);
        this.sql = sql;
        this.database = database;
    }

    private EntityManager entityManager() {
        return factories.get(ThreadLocalRandom.current().nextInt(factories.size())).createEntityManager();
    }

    /** What one run did. */
    record Report(String label, double seconds, long commits, long rollbacks, long reads, long readsInTransaction,
            long queries, long selects, long violations, List<String> examples, long lostWrites, List<String> errors) {

        long operations() {
            return commits + rollbacks + reads;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "stale-read checker [%s]: %.1f s, %d operations (%d commits, %d rollbacks,"
                    + " %d reads of which %d in transactions), %d of %d queries reached the database, %d violations,"
                    + " %d lost writes, %d errors%s", label, seconds, operations(), commits, rollbacks, reads,
                    readsInTransaction, selects, queries, violations, lostWrites, errors.size(),
                    examples.isEmpty() && errors.isEmpty() ? "" : "; first: " + examples + " " + errors);
        }
    }

    /** Inserts every writer's counter rows, at 0. */
    void prepare() {
        EntityManager em = entityManager();
        try {
            em.getTransaction().begin();
            for (int w = 0; w < WRITERS; w++) {
                Sample sample = new Sample();
                sample.id = FIRST_ID + w;
                sample.longValue = 0L;
                em.persist(sample);
                em.persist(new CardPayment(FIRST_ID + w, BigDecimal.ZERO, "checker"));
            }
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    /** Runs writers and readers until {@code duration} has passed or {@code operationLimit} operations ran. */
    Report run(String label, Duration duration, long operationLimit) throws InterruptedException {
        long start = System.nanoTime();
        deadline = start + duration.toNanos();
        maxOperations = operationLimit;
        long selectsBefore = sql.selects();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            threads.add(new Thread(() -> loop(() -> writeOnce(writer), true), "checker-writer-" + w));
        }
        for (int r = 0; r < READERS; r++) {
            threads.add(new Thread(() -> loop(this::readOnce, false), "checker-reader-" + r));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(duration.toMillis() + 120_000);
            if (thread.isAlive()) {
                errors.add(thread.getName() + " did not stop");
                thread.interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Report(label, seconds, commits.get(), rollbacks.get(), reads.get(), readsInTransaction.get(),
                queries.get(), sql.selects() - selectsBefore, violations.get(), List.copyOf(examples), lostWrites(), List.copyOf(errors));
    }

    private void loop(Runnable operation, boolean writer) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline && operations.incrementAndGet() <= maxOperations && errors.size() < EXAMPLES) {
            try {
                operation.run();
            } catch (RuntimeException e) {
                errors.add(Thread.currentThread().getName() + ": " + e);
            }
            if (writer) {
                LockSupport.parkNanos(random.nextLong(WRITER_PAUSE_NANOS));
            }
        }
    }

    private enum Mode { ORM, BULK, NATIVE }

    private void writeOnce(int w) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id = FIRST_ID + w;
        long before = committed.get(w);
        long next = before + 1;
        boolean rollback = random.nextInt(100) < ROLLBACK_PERCENT;
        long target = rollback ? -next : next;
        Mode mode = Mode.values()[random.nextInt(Mode.values().length)];
        EntityManager em = entityManager();
        try {
            em.getTransaction().begin();
            switch (mode) {
                case ORM -> {
                    Payment payment = em.find(Payment.class, id);
                    Sample sample = em.find(Sample.class, id);
                    queries.addAndGet(2);
                    exact(w, "writer's own payment before " + mode, payment.getAmount().longValue(), before);
                    exact(w, "writer's own sample before " + mode, sample.longValue, before);
                    payment.setAmount(BigDecimal.valueOf(target));
                    sample.longValue = target;
                }
                case BULK -> {
                    (rollback ? em.createQuery("UPDATE Payment p SET p.amount = :v WHERE p.id = :id")
                            .setParameter("v", BigDecimal.valueOf(target))
                            : em.createQuery("UPDATE Payment p SET p.amount = p.amount + 1 WHERE p.id = :id"))
                            .setParameter("id", id).executeUpdate();
                    (rollback ? em.createQuery("UPDATE Sample s SET s.longValue = :v WHERE s.id = :id").setParameter("v", target)
                            : em.createQuery("UPDATE Sample s SET s.longValue = s.longValue + 1 WHERE s.id = :id"))
                            .setParameter("id", id).executeUpdate();
                }
                case NATIVE -> {
                    if (rollback) {
                        em.createNativeQuery("UPDATE payment SET amount = ? WHERE id = ?")
                                .setParameter(1, BigDecimal.valueOf(target)).setParameter(2, id).executeUpdate();
                        em.createNativeQuery("UPDATE sample SET longvalue = ? WHERE id = ?")
                                .setParameter(1, target).setParameter(2, id).executeUpdate();
                    } else {
                        em.createNativeQuery("UPDATE payment SET amount = amount + 1 WHERE id = ?").setParameter(1, id)
                                .executeUpdate();
                        em.createNativeQuery("UPDATE sample SET longvalue = longvalue + 1 WHERE id = ?").setParameter(1, id)
                                .executeUpdate();
                    }
                }
            }
            queries.incrementAndGet();
            Number own = (Number) em.createQuery("SELECT p.amount FROM Payment p WHERE p.id = :id")
                    .setParameter("id", id).getSingleResult();
            exact(w, "writer's own uncommitted " + mode + " write", own.longValue(), target);
            if (rollback) {
                em.getTransaction().rollback();
                rollbacks.incrementAndGet();
                exact(w, "writer's own payment after a rolled-back " + mode + " write", ownAmount(id), before);
            } else {
                em.getTransaction().commit();
                committed.set(w, next);
                commits.incrementAndGet();
            }
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private long ownAmount(long id) {
        queries.incrementAndGet();
        EntityManager em = entityManager();
        try {
            return em.find(Payment.class, id).getAmount().longValue();
        } finally {
            em.close();
        }
    }

    private void readOnce() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long[] floor = published();
        int w = random.nextInt(WRITERS);
        long id = FIRST_ID + w;
        boolean inTransaction = random.nextInt(100) < IN_TRANSACTION_PERCENT;
        int query = random.nextInt(6);
        queries.incrementAndGet();
        EntityManager em = entityManager();
        try {
            if (inTransaction) {
                em.getTransaction().begin();
                em.unwrap(Connection.class);
            }
            long[] values = switch (query) {
                case 0 -> new long[] {em.find(Payment.class, id).getAmount().longValue()};
                case 1 -> new long[] {em.createQuery("SELECT s.longValue FROM Sample s WHERE s.id = :id", Long.class)
                        .setParameter("id", id).getSingleResult()};
                case 2 -> new long[] {((Number) em.createQuery(
                        "SELECT SUM(p.amount) FROM Payment p WHERE p.id BETWEEN :lo AND :hi")
                        .setParameter("lo", FIRST_ID).setParameter("hi", FIRST_ID + WRITERS - 1).getSingleResult()).longValue()};
                case 3 -> {
                    Object[] row = (Object[]) em.createNativeQuery(
                            "SELECT p.amount, s.longvalue FROM payment p JOIN sample s ON s.id = p.id WHERE p.id = ?")
                            .setParameter(1, id).getSingleResult();
                    yield new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
                }
                case 4 -> {
                    List<Object[]> rows = em.createQuery("SELECT s.id, s.longValue FROM Sample s WHERE s.id IN "
                            + "(SELECT p.id FROM Payment p WHERE p.amount >= 0 AND p.id BETWEEN :lo AND :hi) ORDER BY s.id",
                            Object[].class).setParameter("lo", FIRST_ID).setParameter("hi", FIRST_ID + WRITERS - 1)
                            .getResultList();
                    if (rows.size() != WRITERS) {
                        violation("subquery returned " + rows.size() + " counters instead of " + WRITERS);
                        yield new long[0];
                    }
                    long[] all = new long[WRITERS];
                    for (int i = 0; i < WRITERS; i++) {
                        all[i] = ((Number) rows.get(i)[1]).longValue();
                    }
                    yield all;
                }
                default -> {
                    List<BigDecimal> amounts = em.createQuery("SELECT p.amount FROM Payment p, Sample s "
                            + "WHERE s.id = p.id AND s.longValue = p.amount AND p.id = :id", BigDecimal.class)
                            .setParameter("id", id).getResultList();
                    if (amounts.size() != 1) {
                        violation("join of payment and sample " + id + " found " + amounts.size() + " rows (torn commit?)");
                        yield new long[0];
                    }
                    yield new long[] {amounts.get(0).longValue()};
                }
            };
            if (inTransaction) {
                em.getTransaction().commit();
                readsInTransaction.incrementAndGet();
            }
            reads.incrementAndGet();
            check(query, w, values, floor, published());
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private void check(int query, int w, long[] values, long[] floor, long[] after) {
        if (values.length == 0) {
            return;
        }
        if (query == 2) {
            long low = 0;
            long high = 0;
            for (int i = 0; i < WRITERS; i++) {
                low += floor[i];
                high += after[i] + 1;
            }
            within("sum of counters", values[0], low, high);
        } else if (query == 4) {
            for (int i = 0; i < WRITERS; i++) {
                within("subquery counter " + i, values[i], floor[i], after[i] + 1);
            }
        } else {
            for (long value : values) {
                within("query " + query + " counter " + w, value, floor[w], after[w] + 1);
            }
            if (values.length == 2 && values[0] != values[1]) {
                violation("native join of counter " + w + " read " + values[0] + " and " + values[1]);
            }
        }
    }

    private void within(String what, long value, long low, long high) {
        if (value < low) {
            violation(what + " read " + value + " after " + low + " was committed (stale)");
        } else if (value > high) {
            violation(what + " read " + value + ", above anything committed (" + (high - 1) + ")");
        }
    }

    private void exact(int w, String what, long value, long expected) {
        if (value != expected) {
            violation(what + " (counter " + w + ") read " + value + " instead of " + expected);
        }
    }

    private void violation(String message) {
        violations.incrementAndGet();
        if (examples.size() < EXAMPLES) {
            examples.add(message);
        }
    }

    private long[] published() {
        long[] values = new long[WRITERS];
        for (int i = 0; i < WRITERS; i++) {
            values[i] = committed.get(i);
        }
        return values;
    }

    /** Counters whose rows in the database (read with plain JDBC) differ from what was committed. */
    private long lostWrites() {
        long lost = 0;
        try (Connection connection = database.rawConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT p.amount, s.longvalue FROM payment p JOIN sample s ON s.id = p.id WHERE p.id = ?")) {
            for (int w = 0; w < WRITERS; w++) {
                statement.setLong(1, FIRST_ID + w);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next() || rows.getLong(1) != committed.get(w) || rows.getLong(2) != committed.get(w)) {
                        lost++;
                    }
                }
            }
        } catch (SQLException e) {
            errors.add("cannot read the counters back: " + e);
        }
        return lost;
    }
}
