package io.cachalot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.cachalot.Cachalot;
import io.cachalot.testing.CountingDataSource;
import io.cachalot.testing.Database;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A unit whose session customizer is not cachalot's has no Cachalot API, and caches nothing. */
@ParameterizedClass
@EnumSource(Database.class)
class NotInstalledTest {

    @Parameter
    Database database;

    @Test
    void cachalotOfAUnitWithoutTheCustomizerNamesTheProperty() {
        TestUnit.on(database);
        CountingDataSource sql = database.dataSource();
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(TestUnit.UNIT, Map.of(
                "jakarta.persistence.nonJtaDataSource", sql,
                "eclipselink.target-database", database.platform(),
                "eclipselink.session-name", "without-cachalot-" + database + "-" + System.nanoTime(),
                "eclipselink.session.customizer", OwnCustomizer.class.getName()));
        try {
            assertThatIllegalStateException().isThrownBy(() -> Cachalot.of(factory))
                    .withMessageContaining("eclipselink.session.customizer")
                    .withMessageContaining("io.cachalot.eclipselink.CachalotSessionCustomizer");

            sql.reset();
            for (int run = 0; run < 2; run++) {
                EntityManager em = factory.createEntityManager();
                try {
                    em.createQuery("SELECT COUNT(a) FROM Author a").getSingleResult();
                } finally {
                    em.close();
                }
            }
            assertThat(sql.count()).as("both runs went to the database").isEqualTo(2);
        } finally {
            factory.close();
        }
    }

    /** An application's own customizer, in place of cachalot's. */
    public static final class OwnCustomizer implements SessionCustomizer {
        @Override
        public void customize(Session session) {
        }
    }
}
