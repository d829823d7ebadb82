package io.cachalot.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.testing.CountingDataSource;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recipe of docs/cdi.md, {@link ReplicaInvalidator}: a unit reads a replica of the primary database, which
 * cachalot cannot see being written; an observer of the primary unit's invalidations invalidates the same tables
 * of the replica unit.
 */
@EnableWeld
class ReplicaRecipeTest {

    static final String REPLICA_URL = "jdbc:h2:mem:replica;DB_CLOSE_DELAY=-1";

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().enableDiscovery()
            .addBeanClasses(ReplicaInvalidator.class)).build();

    /** The unit named "library", on the primary database. */
    static TestUnit primary;
    static TestUnit replica;
    static CountingDataSource replicaSql = new CountingDataSource(REPLICA_URL, "sa", "");

    /** Both units start before the container, as container-managed units do. */
    @BeforeAll
    static void startUnits() {
        primary = TestUnit.withProperties(Database.H2, Map.of("eclipselink.session-name", "library"));
        replica = TestUnit.withProperties(Database.H2, Map.of(
                "jakarta.persistence.nonJtaDataSource", replicaSql,
                "eclipselink.ddl-generation", "drop-and-create-tables",
                "eclipselink.session-name", "replica"));
        Fixtures.library(primary);
        Fixtures.library(replica);
    }

    @AfterAll
    static void closeUnits() {
        replica.close();
        primary.close();
    }

    private String replicaName() {
        return replica.read(em -> em.find(Author.class, 1L).getName());
    }

    @Test
    void aPrimaryWriteInvalidatesTheReplicaUnit() throws Exception {
        replicaName();
        replicaSql.reset();
        replicaName();
        assertThat(replicaSql.count()).isZero();

        primary.write(em -> em.find(Author.class, 1L).setName("J.R.R. Tolkien"));
        replicate("UPDATE author SET name = 'J.R.R. Tolkien' WHERE id = 1");

        replicaSql.reset();
        assertThat(replicaName()).isEqualTo("J.R.R. Tolkien");
        assertThat(replicaSql.count()).isEqualTo(1);
    }

    /** What database replication does, out of cachalot's sight. */
    private static void replicate(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(REPLICA_URL, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
