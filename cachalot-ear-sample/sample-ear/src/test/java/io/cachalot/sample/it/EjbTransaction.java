package io.cachalot.sample.it;

import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/**
 * Runs test code in a container-managed transaction of a stateless session bean (REQUIRED): the sample's
 * beans called inside join it. A runtime exception is a system exception: the container rolls back and
 * throws {@link jakarta.ejb.EJBException}.
 */
@Stateless
public class EjbTransaction {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
