package io.cachalot.cdi;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A method (or every method of a class) annotated with this reads straight from the database: no query
 * result is served from or stored in cachalot while it runs, in any unit. Writes still invalidate.
 * Needs no {@code beans.xml}: the extension enables the interceptor.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface CachalotDisabled {
}
