package io.cachalot.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "car")
public class Car extends Vehicle {
    private int doors;

    protected Car() {
    }

    public Car(long id, String name, int doors) {
        super(id, name);
        this.doors = doors;
    }

    public int getDoors() {
        return doors;
    }

    public void setDoors(int doors) {
        this.doors = doors;
    }
}
