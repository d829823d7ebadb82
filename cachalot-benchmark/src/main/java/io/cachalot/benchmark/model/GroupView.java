package io.cachalot.benchmark.model;

/** What the workload reads of a group, whichever ORM mapped it. */
public interface GroupView {

    String getName();
}
