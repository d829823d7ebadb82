package io.cachalot.benchmark.model;

import java.util.Collection;

/** What the workload reads of a user, whichever ORM mapped it. */
public interface UserView {

    String getUsername();

    Collection<? extends GroupView> getGroups();
}
