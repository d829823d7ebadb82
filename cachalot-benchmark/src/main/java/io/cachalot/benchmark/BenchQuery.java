package io.cachalot.benchmark;

import io.cachalot.benchmark.model.GroupView;
import io.cachalot.benchmark.model.ItemView;
import io.cachalot.benchmark.model.UserView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * The seed's queries, in JPQL that both ORMs accept. Each run reads what the seed's test read: the items,
 * their owner after a fetch join, their owner's groups after a batch fetch. A run returns a checksum of what
 * it read, so that a context serving other rows than the database would show.
 */
enum BenchQuery {
    COUNT("count", "SELECT COUNT(i) FROM Item i", 0, 0, Touch.NONE),
    FIRST("first", "SELECT i FROM Item i ORDER BY i.id", 0, 1, Touch.NAMES),
    ALL_FIRST("[:10]", "SELECT i FROM Item i", 0, 10, Touch.NAMES),
    ALL_MIDDLE("[5000:5010]", "SELECT i FROM Item i", 5000, 10, Touch.NAMES),
    FILTER_FIRST("LIKE '%e%' [:10]", "SELECT i FROM Item i WHERE i.name LIKE :pattern", 0, 10, Touch.NAMES),
    FILTER_MIDDLE("LIKE '%e%' [5000:5010]", "SELECT i FROM Item i WHERE i.name LIKE :pattern", 5000, 10, Touch.NAMES),
    ORDER_FIRST("order by owner [:10]", "SELECT i FROM Item i ORDER BY i.owner.id", 0, 10, Touch.NAMES),
    ORDER_MIDDLE("order by owner [5000:5010]", "SELECT i FROM Item i ORDER BY i.owner.id", 5000, 10, Touch.NAMES),
    JOIN_FIRST("fetch join owner [:10]", "SELECT i FROM Item i JOIN FETCH i.owner", 0, 10, Touch.OWNER),
    JOIN_MIDDLE("fetch join owner [5000:5010]", "SELECT i FROM Item i JOIN FETCH i.owner", 5000, 10, Touch.OWNER),
    BATCH_FIRST("batch owner.groups [:10]", "SELECT i FROM Item i", 0, 10, Touch.GROUPS),
    BATCH_MIDDLE("batch owner.groups [5000:5010]", "SELECT i FROM Item i", 5000, 10, Touch.GROUPS);

    /** What a run reads of each item. */
    enum Touch { NONE, NAMES, OWNER, GROUPS }

    static final String PATTERN = "%e%";

    private final String label;
    private final String jpql;
    private final int first;
    private final int max;
    private final Touch touch;

    BenchQuery(String label, String jpql, int first, int max, Touch touch) {
        this.label = label;
        this.jpql = jpql;
        this.first = first;
        this.max = max;
        this.touch = touch;
    }

    String label() {
        return label;
    }

    String jpql() {
        return jpql;
    }

    int first() {
        return first;
    }

    int max() {
        return max;
    }

    Touch touch() {
        return touch;
    }

    boolean hasPattern() {
        return jpql.contains(":pattern");
    }

    boolean isBatchFetch() {
        return touch == Touch.GROUPS;
    }

    /** A name usable as a named query or a file name. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Binds parameters and the row window, runs {@code query}, reads the result; returns its checksum. */
    long execute(Query query) {
        if (hasPattern()) {
            query.setParameter("pattern", PATTERN);
        }
        if (first > 0) {
            query.setFirstResult(first);
        }
        if (max > 0) {
            query.setMaxResults(max);
        }
        if (this == COUNT) {
            return ((Number) query.getSingleResult()).longValue();
        }
        return checksum(query.getResultList());
    }

    /** Runs this query in {@code em} as {@code contender} builds it. */
    long run(Contender contender, EntityManager em) {
        return execute(contender.query(em, this));
    }

    private long checksum(List<?> rows) {
        long sum = rows.size();
        for (Object row : rows) {
            ItemView item = (ItemView) row;
            sum = sum * 31 + item.getName().hashCode();
            if (touch == Touch.OWNER || touch == Touch.GROUPS) {
                UserView owner = item.getOwner();
                sum = sum * 31 + owner.getUsername().hashCode();
                if (touch == Touch.GROUPS) {
                    for (GroupView group : owner.getGroups()) {
                        sum = sum * 31 + group.getName().hashCode();
                    }
                }
            }
        }
        return sum;
    }
}
