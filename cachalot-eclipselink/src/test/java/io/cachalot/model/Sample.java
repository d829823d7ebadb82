package io.cachalot.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;

/** One column of each JDBC value type EclipseLink binds and reads. */
@Entity
@Table(name = "sample")
public class Sample {
    public enum Color { RED, GREEN, BLUE }

    @Id
    public long id;
    public String textValue;
    public int intValue;
    public Long longValue;
    public short shortValue;
    public byte byteValue;
    public double doubleValue;
    public float floatValue;
    public boolean boolValue;
    public BigDecimal decimalValue;
    public BigInteger bigIntValue;
    public LocalDate dateValue;
    public LocalTime timeValue;
    public LocalDateTime dateTimeValue;
    @Temporal(TemporalType.TIMESTAMP)
    public Date legacyDate;
    public java.sql.Timestamp stampValue;
    @Column(length = 64)
    public byte[] bytesValue;
    @Enumerated(EnumType.STRING)
    @Column(name = "color_name")
    public Color colorName;
    @Enumerated(EnumType.ORDINAL)
    @Column(name = "color_ordinal")
    public Color colorOrdinal;
    /** A decimal with a scale (the default mapping of {@link #decimalValue} has none). */
    @Column(name = "precise_decimal", precision = 19, scale = 4)
    public BigDecimal preciseDecimal;

    public Sample() {
    }
}
