package io.cachalot.benchmark.eclipselink;

import io.cachalot.benchmark.model.GroupView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A group of users (the seed's auth_group). */
@Entity(name = "BenchGroup")
@Table(name = "bench_group")
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
