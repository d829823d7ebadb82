package io.cachalot.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.persistence.Version;
import org.junit.jupiter.api.Test;

/** Shows which EclipseLink line this run of the suite uses (the build runs it on 4.0.x and on 5.0.x). */
class EclipseLinkVersionTest {

    @Test
    void runsOnASupportedEclipseLinkLine() {
        String expected = System.getProperty("cachalot.expected.eclipselink");
        System.out.println("EclipseLink " + Version.getVersion());
        assertThat(Version.getVersion()).matches("(4\\.0|5\\.0)\\..*");
        if (expected != null) {
            assertThat(Version.getVersion()).startsWith(expected);
        }
    }
}
