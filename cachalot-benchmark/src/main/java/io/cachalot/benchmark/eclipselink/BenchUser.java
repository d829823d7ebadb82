package io.cachalot.benchmark.eclipselink;

import io.cachalot.benchmark.model.UserView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;

/** A user (the seed's auth_user), member of two groups. */
@Entity(name = "BenchUser")
@Table(name = "bench_user")
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
