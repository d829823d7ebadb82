package io.cachalot.benchmark.hibernate;

import io.cachalot.benchmark.model.GroupView;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * A group of users (the seed's auth_group).
 * Cached in Hibernate's second-level cache (read-write), as its query cache needs.
 */
@Entity(name = "BenchGroup")
@Table(name = "bench_group")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class BenchGroup implements GroupView {

    @Id
    private Long id;

    @Column(name = "name", length = 150)
    private String name;

    @Override
    public String getName() {
        return name;
    }

    public Long getId() {
        return id;
    }
}
