package io.cachalot.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Selects the persistence unit of an injected {@link io.cachalot.Cachalot} when the application has several:
 * {@code @Inject @CachalotUnit("orders") Cachalot cachalot;}. Without it, the only unit running cachalot.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface CachalotUnit {

    /** The persistence unit's name. */
    @Nonbinding
    String value();

    /** A literal for programmatic lookup. */
    final class Literal extends AnnotationLiteral<CachalotUnit> implements CachalotUnit {
        private static final long serialVersionUID = 1L;
        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
