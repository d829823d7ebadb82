package io.cachalot.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.sql.StatementInfo.Kind;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which tables a write changes: its targets only, never the tables it merely reads. */
class WriteTargetsTest {

    private static final Set<String> LIBRARY = Set.of("book", "author", "publisher", "review", "book_tag", "category");

    private final SqlAnalyzer analyzer = new SqlAnalyzer(IdentifierCase.LOWER, LIBRARY, Set.of(), Set.of(), false);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        INSERT INTO book (id, title) VALUES (?, ?)                                                       | book
        INSERT INTO book VALUES (1, 'a'), (2, 'b')                                                       | book
        INSERT INTO book_tag (book_id, tag) SELECT id, 'x' FROM book WHERE author_id IN (SELECT id FROM author) | book_tag
        INSERT INTO book (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET title = 'x'                     | book
        INSERT INTO book (id) VALUES (1) ON DUPLICATE KEY UPDATE title = 'x'                            | book
        REPLACE INTO book (id) VALUES (1)                                                                | book
        UPDATE book SET title = ? WHERE id = ?                                                           | book
        UPDATE book SET price = (SELECT MAX(price) FROM book b2) WHERE author_id IN (SELECT id FROM author) | book
        UPDATE book SET title = 'x' FROM author WHERE author.id = book.author_id                         | book
        UPDATE public.author SET name = 'x'                                                              | author
        DELETE FROM review WHERE id = ?                                                                  | review
        DELETE FROM review WHERE book_id IN (SELECT id FROM book WHERE author_id = (SELECT id FROM author)) | review
        DELETE FROM book b USING author a WHERE a.id = b.author_id                                       | book
        MERGE INTO author a USING publisher p ON (a.id = p.id) WHEN MATCHED THEN UPDATE SET a.name = p.name | author
        TRUNCATE TABLE review                                                                            | review
        TRUNCATE review, author                                                                          | review,author
        ALTER TABLE book ADD COLUMN subtitle VARCHAR(20)                                                 | book
        ALTER TABLE book RENAME TO old_book                                                              | book
        CREATE INDEX book_title ON book (title)                                                          | book
        CREATE TABLE scratch (id INT)                                                                    | scratch
        CREATE VIEW cheap AS SELECT * FROM book WHERE price < 10                                         | cheap
        DROP TABLE review                                                                                | review
        DROP VIEW cheap                                                                                  | cheap
        SELECT id INTO book_copy FROM book                                                               | book_copy
        WITH gone AS (DELETE FROM review WHERE stars < 2 RETURNING book_id) SELECT * FROM book WHERE id IN (SELECT book_id FROM gone) | review
        WITH renamed AS (UPDATE author SET name = 'x' RETURNING id) SELECT COUNT(*) FROM renamed          | author
        WITH gone AS (DELETE FROM review RETURNING book_id) DELETE FROM book_tag WHERE book_id IN (SELECT book_id FROM gone) | book_tag,review
        """)
    void writeChangesOnlyItsTargets(String sql, String tables) {
        StatementInfo info = analyzer.analyze(sql);

        assertThat(info.kind()).isEqualTo(Kind.WRITE);
        assertThat(info.tables()).containsExactlyInAnyOrderElementsOf(Arrays.asList(tables.split(",")));
    }

    @Test
    void multiTableUpdateMayChangeEveryJoinedTable() {
        StatementInfo info = analyzer.analyze("UPDATE book b JOIN author a ON a.id = b.author_id SET b.title = a.name");

        assertThat(info.kind()).isEqualTo(Kind.WRITE);
        assertThat(info.tables()).contains("book", "author");
    }

    @Test
    void multiTableDeleteIncludesItsTargetTable() {
        StatementInfo info = analyzer.analyze("DELETE r FROM review r JOIN book b ON b.id = r.book_id WHERE b.id = 1");

        assertThat(info.kind()).isEqualTo(Kind.WRITE);
        assertThat(info.tables()).contains("review");
    }

    @Test
    void severalWritesInOneCallChangeAllTheirTargets() {
        StatementInfo info = analyzer.analyze("INSERT INTO book (id) VALUES (1); UPDATE author SET name = 'x'");

        assertThat(info.kind()).isEqualTo(Kind.WRITE);
        assertThat(info.tables()).containsExactlyInAnyOrder("book", "author");
    }

    @Test
    void readFollowedByAWriteInOneCallIsAWrite() {
        StatementInfo info = analyzer.analyze("SELECT * FROM book; DELETE FROM author");

        assertThat(info.kind()).isEqualTo(Kind.WRITE);
        assertThat(info.tables()).containsExactly("author");
    }

    @Test
    void quotedTargetKeepsItsCase() {
        StatementInfo info = analyzer.analyze("UPDATE \"Book\" SET title = 'x'");

        assertThat(info.kind()).isEqualTo(Kind.WRITE);
        assertThat(info.tables()).containsExactly("Book");
    }

    @Test
    void writeTargetIsFoldedLikeTheDatabaseFoldsIt() {
        SqlAnalyzer h2 = new SqlAnalyzer(IdentifierCase.UPPER, Set.of("BOOK"), Set.of(), Set.of(), false);

        assertThat(h2.analyze("update Book set title = ?").tables()).containsExactly("BOOK");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "MERGE INTO author KEY (id) VALUES (1, 'x')",
        "CALL refresh_prices(1)",
        "DROP INDEX book_title",
        "UPDATE book SET WHERE",
        "DELETE FROM",
        "FROBNICATE book",
        "UPDATE book SET title = 'x'; FROBNICATE author",
    })
    void writeThatCannotBeUnderstoodInvalidatesEverything(String sql) {
        StatementInfo info = analyzer.analyze(sql);

        assertThat(info.kind()).isEqualTo(Kind.WRITE_UNKNOWN);
        assertThat(info.cachable()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        DROP TABLE IF EXISTS review, author | review,author
        RENAME TABLE book TO old_book       | book
        """)
    void ddlOnSeveralOrRenamedTablesInvalidatesAtLeastThem(String sql, String tables) {
        StatementInfo info = analyzer.analyze(sql);

        assertThat(info.kind()).isIn(Kind.WRITE, Kind.WRITE_UNKNOWN);
        if (info.kind() == Kind.WRITE) {
            assertThat(info.tables()).containsAll(Arrays.asList(tables.split(",")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SET search_path TO library",
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
        "SET autocommit = 0",
        "SHOW TABLES",
        "SHOW transaction_isolation",
        "COMMIT",
        "ROLLBACK",
        "BEGIN",
        "START TRANSACTION",
        "SAVEPOINT before_import",
        "RELEASE SAVEPOINT before_import",
        "DROP SEQUENCE book_seq",
        "USE library",
    })
    void statementThatChangesNoDataIsNeutral(String sql) {
        assertThat(analyzer.analyze(sql).kind()).isEqualTo(Kind.NEUTRAL);
    }

    @Test
    void unparsableReadIsAnUncachableRead() {
        StatementInfo info = analyzer.analyze("SELECT ~~~ FROM");

        assertThat(info.kind()).isEqualTo(Kind.READ);
        assertThat(info.cachable()).isFalse();
    }

    @Test
    void unparsableWithIsAnUncachableRead() {
        StatementInfo info = analyzer.analyze("WITH x AS (SELECT ~~~) SELECT * FROM x");

        assertThat(info.kind()).isEqualTo(Kind.READ);
        assertThat(info.cachable()).isFalse();
    }
}
