package io.cachalot.benchmark.hibernate;

import io.cachalot.benchmark.model.ItemView;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * One of the 10,000 rows (the seed's Test model), owned by a random user.
 * Cached in Hibernate's second-level cache (read-write), as its query cache needs.
 */
@Entity(name = "Item")
@Table(name = "bench_item")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Item implements ItemView {

    @Id
    private Long id;

    @Column(name = "name", length = 20)
    private String name;

    @Column(name = "is_public")
    private boolean isPublic;

    @Column(name = "created_on")
    private LocalDate createdOn;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "a_float")
    private Double aFloat;

    @Column(name = "a_decimal", precision = 10, scale = 2)
    private BigDecimal aDecimal;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private BenchUser owner;

    public Item() {
    }

    public Item(Long id, String name, BenchUser owner) {
        this.id = id;
        this.name = name;
        this.owner = owner;
    }

    public Long getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public BenchUser getOwner() {
        return owner;
    }
}
