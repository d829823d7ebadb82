package io.cachalot.benchmark.hibernate;

import io.cachalot.benchmark.model.UserView;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * A user (the seed's auth_user), member of two groups.
 * Cached in Hibernate's second-level cache (read-write), as its query cache needs.
 */
@Entity(name = "BenchUser")
@Table(name = "bench_user")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@BatchSize(size = 50)
public class BenchUser implements UserView {

    @Id
    private Long id;

    @Column(name = "username", length = 150)
    private String username;

    @Column(name = "first_name", length = 150)
    private String firstName;

    @Column(name = "last_name", length = 150)
    private String lastName;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "is_staff")
    private boolean staff;

    @Column(name = "is_active")
    private boolean active;

    @Column(name = "date_joined")
    private LocalDateTime dateJoined;

    @ManyToMany
    @JoinTable(name = "bench_user_groups", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @BatchSize(size = 50)
    private List<BenchGroup> groups;

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public List<BenchGroup> getGroups() {
        return groups;
    }

    public Long getId() {
        return id;
    }
}
