package io.cachalot.benchmark.model;

/** What the workload reads of an item, whichever ORM mapped it. */
public interface ItemView {

    String getName();

    UserView getOwner();
}
