package io.cachalot.eclipselink;

import io.cachalot.sql.IdentifierCase;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
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

/**
 * The tables a logged-in unit maps: descriptor, inheritance, join and element-collection tables.
 * Descriptor accessors whose return type changed between EclipseLink 4.0 and 5.0 are called reflectively.
 */
public final class KnownTables {

    private static final Method GET_TABLES = method("getTables");
    private static final Method GET_MAPPINGS = method("getMappings");

    private KnownTables() {
    }

    public static IdentifierCase identifierCase(AbstractSession session) {
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

    /** The canonical names of a descriptor's own tables (several with JOINED inheritance or secondary tables). */
    public static Set<String> ofDescriptor(ClassDescriptor descriptor, IdentifierCase identifierCase) {
        Set<String> tables = new LinkedHashSet<>();
        addAll(tables, call(GET_TABLES, descriptor), identifierCase);
        return tables;
    }

    private static void addDescriptor(Set<String> tables, ClassDescriptor descriptor, IdentifierCase identifierCase) {
        addAll(tables, call(GET_TABLES, descriptor), identifierCase);
        for (DatabaseMapping mapping : KnownTables.<DatabaseMapping>call(GET_MAPPINGS, descriptor)) {
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

    private static Method method(String name) {
        try {
            return ClassDescriptor.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Unsupported EclipseLink version: ClassDescriptor." + name + "() is missing", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Collection<T> call(Method method, ClassDescriptor descriptor) {
        try {
            Collection<T> result = (Collection<T>) method.invoke(descriptor);
            return result == null ? List.of() : result;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + method.getName() + " of " + descriptor, e);
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
