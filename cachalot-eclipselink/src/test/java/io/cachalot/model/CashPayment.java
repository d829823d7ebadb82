package io.cachalot.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.math.BigDecimal;

@Entity
@DiscriminatorValue("CASH")
public class CashPayment extends Payment {
    private String currency;

    protected CashPayment() {
    }

    public CashPayment(long id, BigDecimal amount, String currency) {
        super(id, amount);
        this.currency = currency;
    }

    public String getCurrency() {
        return currency;
    }
}
