package io.cachalot.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.sql.StatementInfo.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads that must never be cached although every table they touch is known. */
class UncachableReadsTest {

    private static final Set<String> LIBRARY = Set.of("book", "author", "publisher", "review");

    private final SqlAnalyzer analyzer = new SqlAnalyzer(IdentifierCase.LOWER, LIBRARY, Set.of(), Set.of(), false);
    private final SqlAnalyzer cacheRandom = new SqlAnalyzer(IdentifierCase.LOWER, LIBRARY, Set.of(), Set.of(), true);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT id, CURRENT_TIMESTAMP FROM book",
        "SELECT id, CURRENT_TIMESTAMP(3) FROM book",
        "SELECT id, NOW() FROM book",
        "SELECT id, pg_catalog.now() FROM book",
        "SELECT * FROM book WHERE published < CURRENT_DATE",
        "SELECT * FROM book WHERE published < CURRENT_TIME",
        "SELECT id, LOCALTIMESTAMP FROM book",
        "SELECT id, LOCALTIME FROM book",
        "SELECT id, SYSDATE FROM book",
        "SELECT id, SYSDATE() FROM book",
        "SELECT id, CURDATE() FROM book",
        "SELECT id, UTC_TIMESTAMP() FROM book",
        "SELECT id, UNIX_TIMESTAMP() FROM book",
        "SELECT id, clock_timestamp() FROM book",
        "SELECT id, statement_timestamp() FROM book",
        "SELECT nextval('book_seq'), id FROM book",
        "SELECT NEXTVAL(book_seq), id FROM book",
        "SELECT NEXT VALUE FOR book_seq, id FROM book",
        "SELECT currval('book_seq'), id FROM book",
        "SELECT LAST_INSERT_ID(), id FROM book",
        "SELECT id, uuid() FROM book",
        "SELECT id, gen_random_uuid() FROM book",
        "SELECT id, RANDOM_UUID() FROM book",
        "SELECT id, pg_sleep(1) FROM book",
        "SELECT id, CONNECTION_ID() FROM book",
        "SELECT * FROM book WHERE id IN (SELECT book_id FROM review WHERE created < NOW())",
        "SELECT * FROM book b JOIN author a ON a.id = b.author_id AND a.born < CURRENT_DATE",
        "SELECT title FROM book UNION SELECT CAST(NOW() AS VARCHAR(30)) FROM author",
        "SELECT * FROM book ORDER BY EXTRACT(SECOND FROM CURRENT_TIMESTAMP)",
        "SELECT title, COUNT(*) FROM book GROUP BY title HAVING MAX(published) < NOW()",
    })
    void clockAndSequenceFunctionsMakeAReadUncachable(String sql) {
        StatementInfo info = analyzer.analyze(sql);

        assertThat(info.kind()).isEqualTo(Kind.READ);
        assertThat(info.cachable()).isFalse();
        assertThat(info.uncachableReason()).startsWith("calls");
        assertThat(cacheRandom.analyze(sql).cachable()).as("cache-random allows random functions only").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT * FROM book ORDER BY RAND()",
        "SELECT * FROM book ORDER BY RANDOM()",
        "SELECT * FROM book ORDER BY random() LIMIT 3",
        "SELECT title, RAND() FROM book",
        "SELECT * FROM book WHERE RAND() < 0.5",
        "SELECT title FROM book UNION SELECT name FROM author ORDER BY RAND()",
        "(SELECT title FROM book) ORDER BY RANDOM()",
        "SELECT ROW_NUMBER() OVER (ORDER BY RANDOM()) FROM book",
        "SELECT ROW_NUMBER() OVER (PARTITION BY RAND() ORDER BY id) FROM book",
        "SELECT * FROM book WHERE author_id = (SELECT id FROM author ORDER BY RANDOM() LIMIT 1)",
        "SELECT * FROM book b WHERE EXISTS (SELECT 1 FROM review r WHERE r.book_id = b.id ORDER BY RAND())",
        "SELECT title FROM book GROUP BY title, RAND()",
    })
    void randomFunctionsAreUncachableUnlessCacheRandomIsOn(String sql) {
        StatementInfo strict = analyzer.analyze(sql);
        StatementInfo relaxed = cacheRandom.analyze(sql);

        assertThat(strict.cachable()).isFalse();
        assertThat(strict.uncachableReason()).containsIgnoringCase("rand");
        assertThat(relaxed.cachable()).as(relaxed.uncachableReason()).isTrue();
        assertThat(relaxed.tables()).isEqualTo(strict.tables());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT * FROM book FOR UPDATE",
        "SELECT * FROM book WHERE id = ? FOR UPDATE",
        "SELECT * FROM book FOR UPDATE NOWAIT",
        "SELECT * FROM book FOR UPDATE SKIP LOCKED",
        "SELECT * FROM book b FOR UPDATE OF b",
        "SELECT * FROM book FOR SHARE",
        "SELECT * FROM book FOR NO KEY UPDATE",
        "SELECT * FROM book FOR KEY SHARE",
        "SELECT * FROM book LOCK IN SHARE MODE",
        "select * from book for update",
        "SELECT * FROM (SELECT * FROM book FOR UPDATE) x",
        "SELECT t0.ID FROM BOOK t0 WHERE (t0.ID = ?) FOR UPDATE",
    })
    void lockingReadsAreNeverCachable(String sql) {
        StatementInfo info = analyzer.analyze(sql);

        assertThat(info.kind()).isEqualTo(Kind.READ);
        assertThat(info.cachable()).isFalse();
        assertThat(cacheRandom.analyze(sql).cachable()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT id, now_playing FROM book",
        "SELECT id, random_seed FROM book",
        "SELECT * FROM book b WHERE b.sysdate_note IS NULL",
        "SELECT id, b.localtimestamp FROM book b",
        "SELECT COUNT(*), MAX(price), LOWER(title) FROM book GROUP BY title",
        "SELECT * FROM book WHERE title = 'NOW()'",
        "SELECT * FROM book ORDER BY title DESC",
    })
    void namesThatMerelyResembleVolatileFunctionsStayCachable(String sql) {
        StatementInfo info = analyzer.analyze(sql);

        assertThat(info.cachable()).as(info.uncachableReason()).isTrue();
    }

    @Test
    void uncachableTableMakesEveryReadOfItUncachable() {
        SqlAnalyzer rules = new SqlAnalyzer(IdentifierCase.LOWER, LIBRARY, Set.of(), Set.of("AUTHOR"), false);

        assertThat(rules.analyze("SELECT * FROM author").cachable()).isFalse();
        assertThat(rules.analyze("SELECT * FROM book b JOIN author a ON a.id = b.author_id").cachable()).isFalse();
        assertThat(rules.analyze("SELECT * FROM book WHERE author_id IN (SELECT id FROM author)").cachable()).isFalse();
        assertThat(rules.analyze("SELECT * FROM book").cachable()).isTrue();
    }

    @Test
    void onlyCachableTablesLimitCachingToReadsOfThoseTablesAlone() {
        SqlAnalyzer rules = new SqlAnalyzer(IdentifierCase.LOWER, LIBRARY, List.of("book", "public.author"), Set.of(), false);

        assertThat(rules.analyze("SELECT * FROM book").cachable()).isTrue();
        assertThat(rules.analyze("SELECT * FROM book b JOIN author a ON a.id = b.author_id").cachable()).isTrue();
        assertThat(rules.analyze("SELECT * FROM publisher").cachable()).isFalse();
        assertThat(rules.analyze("SELECT * FROM book b JOIN publisher p ON p.id = b.publisher_id").cachable()).isFalse();
    }

    @Test
    void uncachableWinsOverOnlyCachable() {
        SqlAnalyzer rules = new SqlAnalyzer(IdentifierCase.LOWER, LIBRARY, List.of("book", "author"), List.of("author"), false);

        assertThat(rules.analyze("SELECT * FROM book").cachable()).isTrue();
        assertThat(rules.analyze("SELECT * FROM author").cachable()).isFalse();
        assertThat(rules.analyze("SELECT * FROM author").uncachableReason()).contains("author");
    }

    @Test
    void tableRulesDoNotMakeWritesLessVisible() {
        SqlAnalyzer rules = new SqlAnalyzer(IdentifierCase.LOWER, LIBRARY, List.of("book"), List.of("author"), false);

        StatementInfo write = rules.analyze("UPDATE author SET name = 'x'");

        assertThat(write.kind()).isEqualTo(Kind.WRITE);
        assertThat(write.tables()).containsExactly("author");
    }
}
