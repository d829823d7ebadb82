package io.cachalot.sql;

import io.cachalot.sql.StatementInfo.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Finds what a SQL string reads or writes, with JSqlParser, memoised by SQL string.
 *
 * <p>Table names are compared exactly, after the database's case folding of unquoted identifiers;
 * schema qualifiers are ignored, which can only over-invalidate. Thread-safe.
 */
public final class SqlAnalyzer {

    private static final int MEMO_LIMIT = 20_000;
    private static final Pattern LOCKING_CLAUSE = Pattern.compile(
            "\\bFOR\\s+(UPDATE|SHARE|NO\\s+KEY\\s+UPDATE|KEY\\s+SHARE)\\b|\\bLOCK\\s+IN\\s+SHARE\\s+MODE\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NEUTRAL_KEYWORDS = Set.of(
            "SET", "SHOW", "BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "USE", "EXPLAIN",
            "DESCRIBE", "DESC");
    /**
     * Runs JSqlParser's parse with its time-out. Given no executor, JSqlParser 5.3 makes one per parse and
     * never shuts it down when the parse fails: one idle non-daemon thread leaked per unparsable SQL string.
     */
    private static final ExecutorService PARSER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "cachalot-sql-parser");
        thread.setDaemon(true);
        return thread;
    });

    private final IdentifierCase identifierCase;
    private final Set<String> knownTables;
    private final Set<String> onlyCachableTables;
    private final Set<String> uncachableTables;
    private final VolatileFunctions volatileFunctions;
    private final ConcurrentMap<String, StatementInfo> memo = new ConcurrentHashMap<>();

    /**
     * @param identifierCase how the database folds unquoted names
     * @param knownTables canonical names of the tables the unit knows (mappings and additional tables)
     * @param onlyCachableTables when not empty, only reads of these tables are cached
     * @param uncachableTables reads touching any of these are never cached
     * @param cacheRandom whether reads calling a random function may be cached
     */
    public SqlAnalyzer(IdentifierCase identifierCase, Collection<String> knownTables,
            Collection<String> onlyCachableTables, Collection<String> uncachableTables, boolean cacheRandom) {
        this.identifierCase = identifierCase;
        this.knownTables = Set.copyOf(knownTables);
        this.onlyCachableTables = canonicalAll(onlyCachableTables);
        this.uncachableTables = canonicalAll(uncachableTables);
        this.volatileFunctions = new VolatileFunctions(cacheRandom);
    }

    public Set<String> knownTables() {
        return knownTables;
    }

    public IdentifierCase identifierCase() {
        return identifierCase;
    }

    /** The canonical form of a table name given by a user or found in SQL (last dotted part). */
    public String canonicalTable(String name) {
        List<String> parts = splitQualified(name.strip());
        return identifierCase.canonical(parts.get(parts.size() - 1));
    }

    /** What this SQL does; memoised. */
    public StatementInfo analyze(String sql) {
        StatementInfo info = memo.get(sql);
        if (info == null) {
            try {
                info = analyzeUncached(sql);
            } catch (StackOverflowError e) {
                // nesting too deep for the parser or its visitors (a long OR chain): cannot be analysed
                info = unparsable(firstKeyword(sql), sql);
            }
            if (memo.size() >= MEMO_LIMIT) {
                memo.clear();
            }
            memo.put(sql, info);
        }
        return info;
    }

    private StatementInfo analyzeUncached(String sql) {
        String keyword = firstKeyword(sql);
        if (sql.contains("/*!") || sql.contains("/*M!")) {
            // MySQL and MariaDB run the text of these comments, which the parser skips: tables may hide there
            if (holdsSeveralStatements(sql) || !(isReadKeyword(keyword) || NEUTRAL_KEYWORDS.contains(keyword))) {
                return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
            }
            return isReadKeyword(keyword) ? StatementInfo.uncachableRead(Set.of(), "executable comment")
                    : new StatementInfo(Kind.NEUTRAL, Set.of(), null);
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(withoutOuterJoinEscapes(sql), PARSER, null);
        } catch (JSQLParserException | RuntimeException e) {
            statements = parseWithKnownTablesQuoted(withoutOuterJoinEscapes(sql));
            if (statements == null) {
                return unparsable(keyword, sql);
            }
        }
        List<Statement> list = statements == null ? List.of() : statements.getStatements();
        if (list.isEmpty()) {
            return unparsable(keyword, sql);
        }
        if (list.size() == 1) {
            return analyzeOne(list.get(0), sql);
        }
        Set<String> written = new LinkedHashSet<>();
        boolean anyWrite = false;
        for (Statement statement : list) {
            StatementInfo one = analyzeOne(statement, statement.toString());
            if (one.kind() == Kind.WRITE_UNKNOWN) {
                return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
            }
            if (one.kind() == Kind.WRITE) {
                anyWrite = true;
                written.addAll(one.tables());
            }
        }
        return anyWrite
                ? new StatementInfo(Kind.WRITE, written, null)
                : StatementInfo.uncachableRead(Set.of(), "several statements in one call");
    }

    private StatementInfo unparsable(String keyword, String sql) {
        if (holdsSeveralStatements(sql)) {
            // what follows the first statement is unknown: it may write
            return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
        }
        if (isReadKeyword(keyword)) {
            return StatementInfo.uncachableRead(Set.of(), "SQL could not be parsed");
        }
        if (NEUTRAL_KEYWORDS.contains(keyword)) {
            return new StatementInfo(Kind.NEUTRAL, Set.of(), null);
        }
        return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
    }

    private static boolean isReadKeyword(String keyword) {
        return keyword.equals("SELECT") || keyword.equals("WITH") || keyword.equals("VALUES");
    }

    /** Whether a semicolon other than a final one may separate statements (in a literal, it only costs precision). */
    private static boolean holdsSeveralStatements(String sql) {
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        return sql.lastIndexOf(';', end - 1) >= 0;
    }

    private StatementInfo analyzeOne(Statement statement, String sql) {
        if (statement instanceof Select select) {
            return analyzeSelect(select, sql);
        }
        Set<String> targets = new LinkedHashSet<>();
        if (statement instanceof Insert insert) {
            addTable(targets, insert.getTable());
            if (!addWithWrites(targets, insert.getWithItemsList())) {
                return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
            }
        } else if (statement instanceof Update update) {
            addTable(targets, update.getTable());
            if (!addWithWrites(targets, update.getWithItemsList())) {
                return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
            }
            addJoinTables(targets, update.getStartJoins());
            addJoinTables(targets, update.getJoins());
        } else if (statement instanceof Delete delete) {
            addTable(targets, delete.getTable());
            addTables(targets, delete.getTables());
            addJoinTables(targets, delete.getJoins());
            if (!addWithWrites(targets, delete.getWithItemsList())) {
                return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
            }
        } else if (statement instanceof Merge merge) {
            addTable(targets, merge.getTable());
        } else if (statement instanceof Upsert upsert) {
            addTable(targets, upsert.getTable());
        } else if (statement instanceof Truncate truncate) {
            addTable(targets, truncate.getTable());
            addTables(targets, truncate.getTables());
        } else if (statement instanceof Alter alter) {
            addTable(targets, alter.getTable());
        } else if (statement instanceof CreateTable create) {
            addTable(targets, create.getTable());
        } else if (statement instanceof CreateIndex create) {
            addTable(targets, create.getTable());
        } else if (statement instanceof CreateView create) {
            addTable(targets, create.getView());
        } else if (statement instanceof AlterView alter) {
            addTable(targets, alter.getView());
        } else if (statement instanceof Drop drop) {
            String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
            if (type.contains("SEQUENCE")) {
                return new StatementInfo(Kind.NEUTRAL, Set.of(), null);
            }
            if (!type.contains("TABLE") && !type.contains("VIEW") && !type.contains("INDEX")) {
                return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
            }
            addTable(targets, drop.getName());
            if (type.contains("INDEX")) {
                // DROP INDEX names an index, not its table: which table it belongs to is unknown here.
                return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
            }
        } else {
            return unparsable(firstKeyword(sql), sql);
        }
        if (targets.isEmpty()) {
            return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
        }
        return new StatementInfo(Kind.WRITE, targets, null);
    }

    private StatementInfo analyzeSelect(Select select, String sql) {
        if (select instanceof PlainSelect plain && plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()) {
            Set<String> targets = new LinkedHashSet<>();
            addTables(targets, plain.getIntoTables());
            return new StatementInfo(Kind.WRITE, targets, null);
        }
        Set<String> cteTargets = new LinkedHashSet<>();
        if (!addWithWrites(cteTargets, select.getWithItemsList())) {
            return new StatementInfo(Kind.WRITE_UNKNOWN, Set.of(), null);
        }
        if (!cteTargets.isEmpty()) {
            // PostgreSQL's WITH d AS (DELETE ... RETURNING ...) SELECT ...: a write
            return new StatementInfo(Kind.WRITE, cteTargets, null);
        }
        ReadTablesFinder finder = new ReadTablesFinder(volatileFunctions);
        Set<String> found;
        try {
            found = finder.getTables((Statement) select);
        } catch (RuntimeException e) {
            return StatementInfo.uncachableRead(Set.of(), "tables could not be determined: " + e.getMessage());
        }
        Set<String> tables = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : found) {
            String canonical = canonicalTable(name);
            if (knownTables.contains(canonical)) {
                tables.add(canonical);
            } else {
                unknown.add(name);
            }
        }
        String reason = null;
        if (select.getForMode() != null || LOCKING_CLAUSE.matcher(sql).find()) {
            reason = "locking read";
        } else if (finder.volatileFunction() != null) {
            reason = "calls " + finder.volatileFunction();
        } else if (!unknown.isEmpty()) {
            reason = "reads tables unknown to the unit: " + unknown;
        } else if (tables.isEmpty()) {
            reason = "reads no table";
        } else {
            reason = tableRuleViolation(tables);
        }
        return new StatementInfo(Kind.READ, tables, reason);
    }

    /**
     * Adds the targets of data-modifying WITH items ({@code WITH d AS (DELETE ...)}); false when one of them
     * writes something that cannot be determined.
     */
    private boolean addWithWrites(Set<String> targets, List<WithItem<?>> items) {
        if (items == null) {
            return true;
        }
        for (WithItem<?> item : items) {
            Object inner = item.getParenthesedStatement();
            Statement write = inner instanceof ParenthesedInsert insert ? insert.getInsert()
                    : inner instanceof ParenthesedUpdate update ? update.getUpdate()
                    : inner instanceof ParenthesedDelete delete ? delete.getDelete()
                    : null;
            if (write != null) {
                StatementInfo one = analyzeOne(write, write.toString());
                if (one.kind() != Kind.WRITE) {
                    return false;
                }
                targets.addAll(one.tables());
            }
        }
        return true;
    }

    private String tableRuleViolation(Set<String> tables) {
        for (String table : tables) {
            if (uncachableTables.contains(table)) {
                return "reads uncachable table " + table;
            }
            if (!onlyCachableTables.isEmpty() && !onlyCachableTables.contains(table)) {
                return "reads " + table + ", not in cachalot.only-cachable-tables";
            }
        }
        return null;
    }

    private void addJoinTables(Set<String> targets, List<Join> joins) {
        if (joins == null) {
            return;
        }
        for (Join join : joins) {
            FromItem item = join.getFromItem();
            if (item instanceof Table table) {
                addTable(targets, table);
            }
        }
    }

    private void addTables(Set<String> targets, List<Table> tables) {
        if (tables != null) {
            tables.forEach(table -> addTable(targets, table));
        }
    }

    private void addTable(Set<String> targets, Table table) {
        if (table != null && table.getName() != null) {
            targets.add(identifierCase.canonical(table.getName()));
        }
    }

    private Set<String> canonicalAll(Collection<String> names) {
        Set<String> result = new LinkedHashSet<>();
        for (String name : names) {
            result.add(canonicalTable(name));
        }
        return Set.copyOf(result);
    }

    /** Splits {@code a."b.c"} into {@code a} and {@code "b.c"}, keeping quotes. */
    static List<String> splitQualified(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
                current.append(c);
            } else if (c == '[') {
                quote = ']';
                current.append(c);
            } else if (c == '.') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /**
     * The SQL without JDBC outer-join escapes: {@code {oj a LEFT OUTER JOIN b ON ...}} becomes
     * {@code a LEFT OUTER JOIN b ON ...}. EclipseLink writes them on some platforms (H2 for JOINED inheritance);
     * JSqlParser cannot read them. Quoted text is left alone.
     */
    static String withoutOuterJoinEscapes(String sql) {
        if (!sql.contains("{")) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        Deque<Boolean> braces = new ArrayDeque<>();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '{') {
                boolean outerJoin = sql.regionMatches(true, i + 1, "oj", 0, 2) && i + 3 < sql.length()
                        && Character.isWhitespace(sql.charAt(i + 3));
                braces.push(outerJoin);
                if (outerJoin) {
                    i += 2;
                    continue;
                }
            } else if (c == '}' && !braces.isEmpty() && braces.pop()) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A second chance for SQL that JSqlParser rejects because a table is named like one of its keywords (such
     * as {@code sample}): every bare word naming a known table is quoted in its canonical form, which keeps its
     * meaning. Null when there is no such word or the SQL still cannot be parsed.
     */
    private Statements parseWithKnownTablesQuoted(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        boolean quotedAny = false;
        char quote = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (quote == 0 && (Character.isLetter(c) || c == '_')) {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                String word = sql.substring(i, end);
                String canonical = identifierCase.fold(word);
                boolean table = knownTables.contains(canonical);
                out.append(table ? '"' + canonical + '"' : word);
                quotedAny |= table;
                i = end;
                continue;
            }
            if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '\'' || c == '"' || c == '`')) {
                quote = c;
            }
            out.append(c);
            i++;
        }
        if (!quotedAny) {
            return null;
        }
        try {
            return CCJSqlParserUtil.parseStatements(out.toString(), PARSER, null);
        } catch (JSQLParserException | RuntimeException e) {
            return null;
        }
    }

    /** The first SQL keyword, upper case, after white space, comments and parentheses. */
    static String firstKeyword(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }
}
