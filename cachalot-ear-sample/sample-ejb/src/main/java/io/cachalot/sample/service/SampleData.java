package io.cachalot.sample.service;

import io.cachalot.sample.model.Author;
import io.cachalot.sample.model.Book;
import io.cachalot.sample.model.CriticReview;
import io.cachalot.sample.model.Publisher;
import io.cachalot.sample.model.ReaderReview;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Defines the application's data source and fills an empty database at start-up: 40 publishers, 500
 * authors, 2,500 books and about 7,500 reviews, the same every time (a fixed random seed), in one JTA
 * transaction.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/sample",
        className = "io.cachalot.sample.jdbc.CountingDataSource",
        url = "jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1",
        user = "sa",
        password = "sa",
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
@Startup
public class SampleData {

    public static final int PUBLISHERS = 40;
    public static final int AUTHORS = 500;
    public static final int BOOKS = 2500;

    private static final System.Logger LOG = System.getLogger(SampleData.class.getName());

    private static final String[] ADJECTIVES = {"Silent", "Hidden", "Burning", "Frozen", "Golden", "Broken", "Distant",
        "Forgotten", "Restless", "Crimson", "Hollow", "Endless", "Secret", "Wandering", "Quiet", "Last", "Lonely", "Iron",
        "Glass", "Northern", "Southern", "Sleeping", "Painted", "Bitter", "Gentle", "Wild", "Drowned", "Shining",
        "Paper", "Velvet", "Winter", "Summer", "Autumn", "Midnight", "Electric", "Ancient", "Little", "Second",
        "Invisible", "Salt", "Copper", "Scarlet", "Pale", "Stolen", "Borrowed", "Patient", "Careless", "Open",
        "Narrow", "Final"};
    private static final String[] NOUNS = {"Harbor", "Garden", "River", "Kingdom", "Letter", "Mirror", "Orchard",
        "Lighthouse", "Station", "Island", "Forest", "Bridge", "Library", "Window", "Voyage", "Winter", "Promise",
        "Compass", "Tower", "Valley", "Shadow", "Map", "Signal", "Archive", "Theory", "Machine", "House", "Road",
        "Season", "Coast", "Empire", "Circus", "Engine", "Door", "Storm", "Atlas", "Clock", "Canal", "Diary", "Mountain",
        "Ocean", "Harvest", "Market", "Night", "City", "Field", "Song", "Tide", "Crown", "Dream", "Witness", "Pilgrim",
        "Sparrow", "Lantern", "Meadow", "Quarry", "Orbit", "Ledger", "Verdict", "Tangle"};
    private static final String[] FIRST_NAMES = {"Ada", "Bruno", "Clara", "Dmitri", "Elena", "Felix", "Greta", "Hugo",
        "Ines", "Jonas", "Kira", "Luca", "Mara", "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tove", "Ugo", "Vera",
        "Wim", "Xenia", "Yara", "Zeno", "Amir", "Bea", "Cyril", "Dora", "Emil", "Fiona", "Gus", "Hanna", "Ivo", "Jana",
        "Karl", "Lena", "Milo", "Nora", "Otto", "Pia", "Rafe", "Sofia", "Teo", "Una", "Viktor", "Wanda", "Yusuf", "Zoe"};
    private static final String[] LAST_NAMES = {"Abbott", "Berger", "Castell", "Dumont", "Eklund", "Ferrante", "Gallo",
        "Hartmann", "Ibsen", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quiroga",
        "Rossi", "Sato", "Tanaka", "Ulrich", "Varga", "Weber", "Xu", "Yilmaz", "Zeller", "Andersen", "Blanco", "Costa",
        "Duarte", "Engel", "Fischer", "Greco", "Holm", "Iversen", "Jung", "Keller", "Laine", "Marsh", "Nakamura",
        "Olsen", "Pires", "Reyes", "Schmidt", "Torres", "Urban", "Vogel", "Wolff", "Young", "Ziegler"};
    private static final String[] PLACES = {"Harbor", "Lantern", "North Gate", "Riverside", "Blue Hill", "Old Mill",
        "Stone Bridge", "Red Door", "Seven Oaks", "Ash Lane", "Meridian", "Kestrel", "Juniper", "Tidewater", "Foxglove",
        "Marble Arch", "Ember", "Larkspur", "Cobalt", "Willow"};
    private static final String[] IMPRINTS = {"Press", "Books"};
    private static final String[] COUNTRIES = {"France", "Germany", "Italy", "Spain", "Sweden", "Norway", "Poland",
        "Portugal", "Japan", "Canada", "Ireland", "Netherlands"};
    private static final String[] READERS = {"bookworm", "nightowl", "pageturner", "inkblot", "margins", "dogear",
        "shelfie", "quietreader", "commuter", "teadrinker", "librarian42", "ferryreader", "rainyday", "footnote",
        "bedsidestack", "slowreader", "speedreader", "marginalia", "chapterone", "epilogue"};
    private static final String[] OUTLETS = {"The Literary Review", "Weekend Books", "The Reading Room", "Northern Critic",
        "Paper & Ink", "The Book Column"};
    private static final String[] OPINIONS = {"A slow start, then impossible to put down.", "Beautifully written.",
        "Too long by a third.", "The ending stayed with me for days.", "Clever but cold.", "I laughed out loud.",
        "Uneven, with moments of brilliance.", "A quiet masterpiece.", "Not for me.", "Read it twice in a row."};

    @PersistenceContext(unitName = "sample")
    private EntityManager em;

    @PostConstruct
    void seed() {
        if (em.createQuery("SELECT COUNT(p) FROM Publisher p", Long.class).getSingleResult() > 0) {
            return;
        }
        long start = System.nanoTime();
        Random random = new Random(2024);
        List<Publisher> publishers = publishers(random);
        List<Author> authors = authors(random);
        List<Book> books = books(random, publishers, authors);
        int reviews = reviews(random, books);
        em.flush();
        LOG.log(Level.INFO, String.format("cachalot sample: seeded %d publishers, %d authors, %d books and %d reviews in %d ms",
                publishers.size(), authors.size(), books.size(), reviews, (System.nanoTime() - start) / 1_000_000));
    }

    private List<Publisher> publishers(Random random) {
        List<Publisher> publishers = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            Publisher publisher = new Publisher(PLACES[i % PLACES.length] + " " + IMPRINTS[i / PLACES.length],
                    COUNTRIES[random.nextInt(COUNTRIES.length)]);
            em.persist(publisher);
            publishers.add(publisher);
        }
        return publishers;
    }

    private List<Author> authors(Random random) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < AUTHORS) {
            names.add(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)]);
        }
        List<Author> authors = new ArrayList<>();
        for (String name : names) {
            Author author = new Author(name, 1930 + random.nextInt(70));
            em.persist(author);
            authors.add(author);
        }
        return authors;
    }

    /** Every adjective-noun pair is one title, so no two books share a title. */
    private List<Book> books(Random random, List<Publisher> publishers, List<Author> authors) {
        List<String> titles = new ArrayList<>();
        for (String adjective : ADJECTIVES) {
            for (String noun : NOUNS) {
                if (!adjective.equals(noun)) {
                    titles.add("The " + adjective + " " + noun);
                }
            }
        }
        Collections.shuffle(titles, random);
        List<Book> books = new ArrayList<>();
        for (String title : titles.subList(0, BOOKS)) {
            Book book = new Book(title, 1950 + random.nextInt(75),
                    BigDecimal.valueOf(499 + random.nextInt(3000), 2), publishers.get(random.nextInt(publishers.size())));
            int count = 1 + (random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0);
            Set<Author> chosen = new LinkedHashSet<>();
            while (chosen.size() < count) {
                chosen.add(authors.get(random.nextInt(authors.size())));
            }
            book.getAuthors().addAll(chosen);
            em.persist(book);
            books.add(book);
        }
        return books;
    }

    private int reviews(Random random, List<Book> books) {
        LocalDate first = LocalDate.of(2015, 1, 1);
        int count = 0;
        for (Book book : books) {
            List<String> readers = new ArrayList<>(List.of(READERS));
            Collections.shuffle(readers, random);
            int reviews = random.nextInt(7);
            for (int i = 0; i < reviews; i++) {
                int rating = Math.min(5, 1 + random.nextInt(3) + random.nextInt(3));
                String opinion = OPINIONS[random.nextInt(OPINIONS.length)];
                LocalDate written = first.plusDays(random.nextInt(3800));
                if (random.nextInt(3) == 0) {
                    String critic = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
                            + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                    em.persist(new CriticReview(book, critic, OUTLETS[random.nextInt(OUTLETS.length)], rating, opinion,
                            written));
                } else {
                    em.persist(new ReaderReview(book, readers.get(i), rating, opinion, written));
                }
                count++;
            }
        }
        return count;
    }
}
