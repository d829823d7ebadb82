package io.cachalot.sample.web;

import io.cachalot.Cachalot;
import io.cachalot.CacheStats;
import io.cachalot.sample.jdbc.SqlCounter;
import io.cachalot.sample.service.InvalidationLog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cachalot's statistics (Thymeleaf): hits, misses, stores and invalidations per table with the last
 * invalidation of each, the {@code PostInvalidation} events the application observed, and the last SQL
 * statements that reached the database. Its form invalidates every table through the API.
 */
@WebServlet("/stats")
public class StatsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Pages pages;

    @Inject
    private transient Cachalot cachalot;

    @Inject
    private transient InvalidationLog invalidations;

    /** One line of the per-table statistics. */
    public record TableLine(String table, long hits, long misses, long stores, long invalidations,
            String lastInvalidation) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CacheStats stats = cachalot.stats();
        List<TableLine> tables = new TreeSet<>(cachalot.tables()).stream().map(table -> {
            CacheStats.TableStats counters = stats.perTable().getOrDefault(table, new CacheStats.TableStats(0, 0, 0, 0));
            return new TableLine(table, counters.hits(), counters.misses(), counters.stores(), counters.invalidations(),
                    pages.time(cachalot.lastInvalidation(table).orElse(null)));
        }).toList();
        pages.thymeleaf("stats", Map.of(
                "unit", cachalot.persistenceUnit(),
                "stats", stats,
                "ratio", String.format("%.1f %%", 100 * stats.hitRatio()),
                "tables", tables,
                "events", invalidations.recent(20),
                "statements", SqlCounter.total(),
                "sql", SqlCounter.recent(15)), request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        cachalot.invalidate();
        response.sendRedirect(request.getContextPath() + "/stats");
    }
}
