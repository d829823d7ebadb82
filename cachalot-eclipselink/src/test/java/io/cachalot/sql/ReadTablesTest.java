package io.cachalot.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.sql.StatementInfo.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which known tables a read touches, whatever the shape of the SELECT. */
class ReadTablesTest {

    private static final Set<String> LIBRARY = Set.of("book", "author", "publisher", "review", "book_tag", "category");

    private final SqlAnalyzer analyzer = new SqlAnalyzer(IdentifierCase.LOWER, LIBRARY, Set.of(), Set.of(), false);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        SELECT * FROM book                                                                              | book
        SELECT t0.ID, t0.TITLE FROM BOOK t0 WHERE (t0.ID = ?)                                           | book
        SELECT b.title FROM book b JOIN author a ON a.id = b.author_id                                  | book,author
        SELECT * FROM book b LEFT OUTER JOIN author a ON a.id = b.author_id RIGHT JOIN publisher p ON p.id = b.publisher_id | book,author,publisher
        SELECT * FROM book b, author a WHERE a.id = b.author_id                                         | book,author
        SELECT * FROM book b CROSS JOIN category c                                                      | book,category
        SELECT * FROM book WHERE author_id IN (SELECT id FROM author WHERE name LIKE 'T%')             | book,author
        SELECT * FROM book b WHERE EXISTS (SELECT 1 FROM review r WHERE r.book_id = b.id)               | book,review
        SELECT (SELECT COUNT(*) FROM review) AS n FROM book                                             | book,review
        SELECT x.title FROM (SELECT title FROM book) x                                                  | book
        SELECT * FROM book WHERE id = (SELECT MAX(book_id) FROM (SELECT book_id FROM review) r)         | book,review
        WITH recent AS (SELECT * FROM book) SELECT * FROM recent JOIN author a ON a.id = recent.author_id | book,author
        WITH a1 AS (SELECT * FROM author), b1 AS (SELECT * FROM a1) SELECT * FROM b1                    | author
        WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r, book | book
        SELECT title FROM book UNION SELECT name FROM author                                            | book,author
        SELECT title FROM book UNION ALL SELECT name FROM author UNION ALL SELECT name FROM publisher    | book,author,publisher
        (SELECT title FROM book) EXCEPT (SELECT tag FROM book_tag)                                      | book,book_tag
        SELECT b.title FROM book b ORDER BY (SELECT COUNT(*) FROM review r WHERE r.book_id = b.id)      | book,review
        SELECT b.title FROM book b GROUP BY b.title, (SELECT MAX(id) FROM author)                       | book,author
        SELECT b.title, COUNT(*) FROM book b GROUP BY b.title HAVING COUNT(*) > (SELECT COUNT(*) FROM category) | book,category
        SELECT title FROM book UNION SELECT name FROM author ORDER BY (SELECT 1 FROM publisher)         | book,author,publisher
        SELECT ROW_NUMBER() OVER (ORDER BY (SELECT MAX(id) FROM review)) FROM book                      | book,review
        SELECT * FROM public.book                                                                       | book
        SELECT * FROM lib.public.author a                                                               | author
        SELECT * FROM `book`                                                                            | book
        SELECT * FROM "book" JOIN "author" ON "author".id = "book".author_id                            | book,author
        SELECT * FROM book /* JOIN author */ WHERE id = 1                                               | book
        /* SELECT * FROM author */ SELECT * FROM book                                                   | book
        SELECT title FROM book WHERE title = 'FROM author'                                              | book
        """)
    void readFindsEveryKnownTable(String sql, String tables) {
        StatementInfo info = analyzer.analyze(sql);

        assertThat(info.kind()).isEqualTo(Kind.READ);
        assertThat(info.tables()).containsExactlyInAnyOrderElementsOf(Arrays.asList(tables.split(",")));
        assertThat(info.cachable()).as(info.uncachableReason()).isTrue();
    }

    @Test
    void lineCommentHidesWhatFollowsOnItsLine() {
        StatementInfo info = analyzer.analyze("SELECT * FROM book -- , author\nWHERE id = 1");

        assertThat(info.tables()).containsExactly("book");
        assertThat(info.cachable()).isTrue();
    }

    @Test
    void commentBeforeAStatementDoesNotChangeItsKind() {
        StatementInfo info = analyzer.analyze("-- DELETE FROM author\nSELECT * FROM book");

        assertThat(info.kind()).isEqualTo(Kind.READ);
        assertThat(info.tables()).containsExactly("book");
    }

    @Test
    void quotedNamesThatDifferOnlyInCaseAreDifferentTables() {
        SqlAnalyzer h2 = new SqlAnalyzer(IdentifierCase.UPPER, Set.of("BOOK", "book"), Set.of(), Set.of(), false);

        assertThat(h2.analyze("SELECT * FROM book").tables()).containsExactly("BOOK");
        assertThat(h2.analyze("SELECT * FROM \"BOOK\"").tables()).containsExactly("BOOK");
        assertThat(h2.analyze("SELECT * FROM \"book\"").tables()).containsExactly("book");
        assertThat(h2.analyze("SELECT * FROM Book b JOIN \"book\" c ON b.id = c.id").tables())
                .containsExactlyInAnyOrder("BOOK", "book");
    }

    @Test
    void quotedNameInAnotherCaseIsNotTheUnquotedTable() {
        StatementInfo info = analyzer.analyze("SELECT * FROM \"BOOK\"");

        assertThat(info.tables()).isEmpty();
        assertThat(info.cachable()).isFalse();
        assertThat(info.uncachableReason()).contains("unknown").contains("BOOK");
    }

    @Test
    void asWrittenDatabaseKeepsTheCaseOfUnquotedNames() {
        SqlAnalyzer mariadb = new SqlAnalyzer(IdentifierCase.AS_WRITTEN, Set.of("book", "Review"), Set.of(), Set.of(), false);

        assertThat(mariadb.analyze("SELECT * FROM book JOIN `Review` r ON r.book_id = book.id").tables())
                .containsExactlyInAnyOrder("book", "Review");
        assertThat(mariadb.analyze("SELECT * FROM BOOK").cachable()).isFalse();
    }

    @Test
    void schemaQualifiedQuotedNameKeepsItsCase() {
        SqlAnalyzer postgres = new SqlAnalyzer(IdentifierCase.LOWER, Set.of("Book", "book"), Set.of(), Set.of(), false);

        assertThat(postgres.analyze("SELECT * FROM lib.\"Book\"").tables()).containsExactly("Book");
        assertThat(postgres.analyze("SELECT * FROM LIB.BOOK").tables()).containsExactly("book");
    }

    @Test
    void tableNameInsideAnotherNameIsNotMatched() {
        StatementInfo info = analyzer.analyze("SELECT * FROM book_tag");

        assertThat(info.tables()).containsExactly("book_tag");
    }

    @Test
    void readOfAnUnknownTableIsNotCachable() {
        StatementInfo info = analyzer.analyze("SELECT * FROM book b JOIN legacy_stock s ON s.book_id = b.id");

        assertThat(info.kind()).isEqualTo(Kind.READ);
        assertThat(info.tables()).containsExactly("book");
        assertThat(info.cachable()).isFalse();
        assertThat(info.uncachableReason()).contains("legacy_stock");
    }

    @Test
    void readOfNoTableIsNotCachable() {
        assertThat(analyzer.analyze("SELECT 1").cachable()).isFalse();
        assertThat(analyzer.analyze("VALUES (1)").cachable()).isFalse();
    }

    @Test
    void veryLongInListOfParametersStillFindsItsTable() {
        String sql = "SELECT * FROM book WHERE id IN ("
                + IntStream.range(0, 2_000).mapToObj(i -> "?").collect(Collectors.joining(", ")) + ")";

        StatementInfo info = analyzer.analyze(sql);

        assertThat(info.tables()).containsExactly("book");
        assertThat(info.cachable()).isTrue();
    }

    @Test
    void veryLongInListOfLiteralsWithASubqueryAfterItFindsBothTables() {
        String sql = "SELECT * FROM book WHERE id IN ("
                + IntStream.range(0, 2_000).mapToObj(Integer::toString).collect(Collectors.joining(", "))
                + ") AND author_id IN (SELECT id FROM author)";

        assertThat(analyzer.analyze(sql).tables()).containsExactlyInAnyOrder("book", "author");
    }

    @Test
    void severalSelectsInOneCallAreNotCachable() {
        StatementInfo info = analyzer.analyze("SELECT * FROM book; SELECT * FROM author");

        assertThat(info.kind()).isEqualTo(Kind.READ);
        assertThat(info.cachable()).isFalse();
    }

    @Test
    void semicolonInsideALiteralIsNotAStatementSeparator() {
        StatementInfo info = analyzer.analyze("SELECT * FROM book WHERE title = 'a; DELETE FROM author'");

        assertThat(info.kind()).isEqualTo(Kind.READ);
        assertThat(info.tables()).containsExactly("book");
        assertThat(info.cachable()).isTrue();
    }

    @Test
    void canonicalTableFollowsTheCaseRulesAndDropsQualifiers() {
        assertThat(analyzer.canonicalTable(" Book ")).isEqualTo("book");
        assertThat(analyzer.canonicalTable("lib.\"Odd.Name\"")).isEqualTo("Odd.Name");
        assertThat(new SqlAnalyzer(IdentifierCase.UPPER, Set.of(), Set.of(), Set.of(), false).canonicalTable("public.book"))
                .isEqualTo("BOOK");
        assertThat(new SqlAnalyzer(IdentifierCase.AS_WRITTEN, Set.of(), Set.of(), Set.of(), false).canonicalTable("`Book`"))
                .isEqualTo("Book");
    }

    @Test
    void splitQualifiedKeepsDotsInsideQuotes() {
        assertThat(SqlAnalyzer.splitQualified("a.\"b.c\".[d.e].`f.g`"))
                .isEqualTo(List.of("a", "\"b.c\"", "[d.e]", "`f.g`"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        SELECT 1                          | SELECT
        '  select 1'                      | SELECT
        (SELECT 1) UNION (SELECT 2)       | SELECT
        /* note */ DELETE FROM book       | DELETE
        '-- note\nupdate book set x = 1'  | UPDATE
        with x as (select 1) select 1     | WITH
        /* unterminated comment           | ''
        """)
    void firstKeywordSkipsSpaceCommentsAndParentheses(String sql, String keyword) {
        assertThat(SqlAnalyzer.firstKeyword(sql.replace("\\n", "\n"))).isEqualTo(keyword);
    }
}
