package io.cachalot.cdi;

import io.cachalot.Cachalot;
import io.cachalot.DisabledScope;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs {@link CachalotDisabled} methods inside {@link Cachalot#disable()}. */
@CachalotDisabled
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class CachalotDisabledInterceptor {

    @AroundInvoke
    Object readFromDatabase(InvocationContext invocation) throws Exception {
        try (DisabledScope off = Cachalot.forUnit(null).disable()) {
            return invocation.proceed();
        }
    }
}
