package io.cachalot.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

@Entity
@Table(name = "book")
@NamedQuery(name = Book.BY_AUTHOR_NAME,
        query = "SELECT b FROM Book b WHERE b.author.name = :name ORDER BY b.id")
@NamedQuery(name = Book.COUNT_BY_PUBLISHER,
        query = "SELECT b.publisher.name, COUNT(b) FROM Book b GROUP BY b.publisher.name ORDER BY b.publisher.name")
@NamedNativeQuery(name = Book.NATIVE_CHEAPER_THAN,
        query = "SELECT id, title, price, published, author_id, publisher_id FROM book WHERE price < ? ORDER BY id",
        resultClass = Book.class)
public class Book {
    public static final String BY_AUTHOR_NAME = "Book.byAuthorName";
    public static final String COUNT_BY_PUBLISHER = "Book.countByPublisher";
    public static final String NATIVE_CHEAPER_THAN = "Book.nativeCheaperThan";

    @Id
    private long id;
    private String title;
    private BigDecimal price;
    private LocalDate published;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    private Author author;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "publisher_id")
    private Publisher publisher;
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "book_tag", joinColumns = @JoinColumn(name = "book_id"))
    @Column(name = "tag")
    private Set<String> tags = new HashSet<>();
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "book_category", joinColumns = @JoinColumn(name = "book_id"),
            inverseJoinColumns = @JoinColumn(name = "category_id"))
    private Set<Category> categories = new HashSet<>();
    /** Read-only side of {@link Review#getBook()}; loaded lazily, in one batch for all books of a query. */
    @OneToMany(mappedBy = "book")
    @OrderBy("id")
    @BatchFetch(BatchFetchType.IN)
    private List<Review> reviews = new ArrayList<>();

    protected Book() {
    }

    public Book(long id, String title, BigDecimal price, LocalDate published, Author author, Publisher publisher) {
        this.id = id;
        this.title = title;
        this.price = price;
        this.published = published;
        this.author = author;
        this.publisher = publisher;
    }

    public long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public LocalDate getPublished() {
        return published;
    }

    public Author getAuthor() {
        return author;
    }

    public void setAuthor(Author author) {
        this.author = author;
    }

    public Publisher getPublisher() {
        return publisher;
    }

    public Set<String> getTags() {
        return tags;
    }

    public Set<Category> getCategories() {
        return categories;
    }

    public List<Review> getReviews() {
        return reviews;
    }
}
