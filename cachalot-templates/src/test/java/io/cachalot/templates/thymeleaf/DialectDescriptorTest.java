package io.cachalot.templates.thymeleaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.templates.testing.TemplatesUnit;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementProcessor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The dialect descriptor for IDE content assist describes the dialect as it is. */
class DialectDescriptorTest {

    private static final String NAMESPACE = "http://www.thymeleaf.org/extras/dialect";
    private static final String DESCRIPTOR = "/io/cachalot/templates/thymeleaf/Cachalot-Dialect.xml";

    private static Element dialect;

    @BeforeAll
    static void parse() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = DialectDescriptorTest.class.getResourceAsStream(DESCRIPTOR)) {
            assertThat(in).as(DESCRIPTOR).isNotNull();
            Document document = factory.newDocumentBuilder().parse(in);
            dialect = document.getDocumentElement();
        }
    }

    @Test
    void namesTheDialectAndItsPrefix() {
        assertThat(dialect.getNamespaceURI()).isEqualTo(NAMESPACE);
        assertThat(dialect.getLocalName()).isEqualTo("dialect");
        assertThat(dialect.getAttribute("class")).isEqualTo(CachalotDialect.class.getName());
        assertThat(dialect.getAttribute("prefix")).isEqualTo(CachalotDialect.PREFIX);
    }

    @Test
    void describesEveryAttributeWithTheClassProcessingIt() {
        CachalotDialect cachalotDialect = new CachalotDialect(TemplatesUnit.withLibrary().cachalot());
        Map<String, Set<String>> processorClasses = new HashMap<>();
        for (IProcessor processor : cachalotDialect.getProcessors(CachalotDialect.PREFIX)) {
            String attribute = ((IElementProcessor) processor).getMatchingAttributeName().getMatchingAttributeName()
                    .getAttributeName();
            processorClasses.computeIfAbsent(attribute, a -> new HashSet<>()).add(processor.getClass().getName());
        }

        Map<String, String> described = new HashMap<>();
        NodeList processors = dialect.getElementsByTagNameNS(NAMESPACE, "attribute-processor");
        for (int i = 0; i < processors.getLength(); i++) {
            Element processor = (Element) processors.item(i);
            described.put(processor.getAttribute("name"), processor.getAttribute("class"));
            assertThat(processor.getElementsByTagNameNS(NAMESPACE, "documentation").item(0).getTextContent())
                    .as("documentation of " + processor.getAttribute("name")).isNotBlank();
        }

        assertThat(described.keySet()).isEqualTo(processorClasses.keySet());
        described.forEach((name, type) -> assertThat(processorClasses.get(name)).as(name).contains(type));
    }

    @Test
    void describesTheExpressionObject() {
        NodeList objects = dialect.getElementsByTagNameNS(NAMESPACE, "expression-object");
        assertThat(objects.getLength()).isEqualTo(1);
        Element object = (Element) objects.item(0);
        assertThat(object.getAttribute("name")).isEqualTo(CachalotDialect.EXPRESSION_OBJECT_NAME);
        assertThat(object.getAttribute("class")).isEqualTo(CachalotExpressionObject.class.getName());
    }
}
