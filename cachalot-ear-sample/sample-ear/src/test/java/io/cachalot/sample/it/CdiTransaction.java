package io.cachalot.sample.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.concurrent.Callable;

/**
 * Runs test code in the JTA transaction of a {@code @Transactional} CDI bean (REQUIRED): the sample's beans
 * called inside join it. A runtime exception rolls it back and is rethrown as is.
 */
@ApplicationScoped
@Transactional
public class CdiTransaction {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
