package io.cachalot.sample.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of every test: the EAR that the build produced ({@code target/sample.ear}), with the tests'
 * transaction helpers added to its web module. Arquillian adds its test runner to the same web module.
 *
 * <p>One change: the web module's context root is {@value #CONTEXT_ROOT} instead of {@code /}, because the
 * GlassFish embedded adapter finds the test runner of an EAR's web module by that name.
 */
final class SampleDeployment {

    static final String CONTEXT_ROOT = "/sample-web";

    private SampleDeployment() {
    }

    static EnterpriseArchive ear() {
        String path = System.getProperty("sample.ear");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("No EAR at " + path + ": run the tests with mvn verify, after the package phase");
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
        WebArchive web = ear.getAsType(WebArchive.class, "sample-web.war");
        web.addClasses(EjbTransaction.class, CdiTransaction.class, Observed.class, Books.class);
        String applicationXml = read(ear, "META-INF/application.xml");
        String moved = applicationXml.replace("<context-root>/</context-root>",
                "<context-root>" + CONTEXT_ROOT + "</context-root>");
        if (moved.equals(applicationXml)) {
            throw new IllegalStateException("No context root / in application.xml: " + applicationXml);
        }
        ear.setApplicationXML(new StringAsset(moved));
        return ear;
    }

    private static String read(EnterpriseArchive ear, String path) {
        try (InputStream in = ear.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
