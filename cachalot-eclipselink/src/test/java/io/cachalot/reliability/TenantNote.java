package io.cachalot.reliability;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A note of one tenant: EclipseLink adds the tenant column to every statement on this table. */
@Entity
@Table(name = "rel_tenant_note")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantNote.TENANT, primaryKey = true)
public class TenantNote {

    public static final String TENANT = "eclipselink.tenant-id";

    @Id
    private long id;
    private String text;

    protected TenantNote() {
    }

    public TenantNote(long id, String text) {
        this.id = id;
        this.text = text;
    }

    public long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
