package io.cachalot.eclipselink;

import io.cachalot.sql.IdentifierCase;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseTable;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.mappings.AggregateCollectionMapping;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectCollectionMapping;
import org.eclipse.persistence.mappings.ManyToManyMapping;
import org.eclipse.persistence.mappings.OneToOneMapping;
import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.platform.database.H2Platform;
import org.eclipse.persistence.platform.database.MySQLPlatform;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;

/** The tables a logged-in unit maps: descriptor, inheritance, join and element-collection tables. */
final class KnownTables {

    private KnownTables() {
    }

    static IdentifierCase identifierCase(AbstractSession session) {
        DatabasePlatform platform = session.getPlatform();
        if (platform instanceof PostgreSQLPlatform) {
            return IdentifierCase.LOWER;
        }
        if (platform instanceof MySQLPlatform) {
            return IdentifierCase.AS_WRITTEN;
        }
        if (platform instanceof H2Platform) {
            return IdentifierCase.UPPER;
        }
        return IdentifierCase.UPPER;
    }

    static Set<String> of(AbstractSession session, IdentifierCase identifierCase) {
        Set<String> tables = new LinkedHashSet<>();
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            addDescriptor(tables, descriptor, identifierCase);
        }
        return tables;
    }

    private static void addDescriptor(Set<String> tables, ClassDescriptor descriptor, IdentifierCase identifierCase) {
        addAll(tables, descriptor.getTables(), identifierCase);
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            if (mapping instanceof ManyToManyMapping manyToMany) {
                add(tables, manyToMany.getRelationTable(), identifierCase);
            } else if (mapping instanceof DirectCollectionMapping direct) {
                add(tables, direct.getReferenceTable(), identifierCase);
            } else if (mapping instanceof AggregateCollectionMapping aggregate && aggregate.getReferenceDescriptor() != null) {
                addDescriptor(tables, aggregate.getReferenceDescriptor(), identifierCase);
            } else if (mapping instanceof OneToOneMapping oneToOne && oneToOne.hasRelationTable()) {
                add(tables, oneToOne.getRelationTable(), identifierCase);
            }
        }
    }

    private static void addAll(Set<String> tables, Collection<DatabaseTable> found, IdentifierCase identifierCase) {
        if (found != null) {
            found.forEach(table -> add(tables, table, identifierCase));
        }
    }

    private static void add(Set<String> tables, DatabaseTable table, IdentifierCase identifierCase) {
        if (table != null && table.getName() != null && !table.getName().isEmpty()) {
            tables.add(table.shouldUseDelimiters() ? table.getName() : identifierCase.fold(table.getName()));
        }
    }
}
