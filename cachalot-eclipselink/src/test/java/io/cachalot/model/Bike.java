package io.cachalot.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "bike")
public class Bike extends Vehicle {
    private int gears;

    protected Bike() {
    }

    public Bike(long id, String name, int gears) {
        super(id, name);
        this.gears = gears;
    }

    public int getGears() {
        return gears;
    }
}
