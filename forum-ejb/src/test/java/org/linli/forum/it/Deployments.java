package org.linli.forum.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

import java.io.File;

/**
 * The forum's domain module as the server sees it (its classes, migrations and persistence
 * unit, with the libraries the EAR ships), packaged as a web archive with the test helpers.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive forumDomain(Class<?>... testClasses) {
        JavaArchive domain = ShrinkWrap.create(JavaArchive.class, "forum-ejb.jar")
                .as(ExplodedImporter.class).importDirectory(new File("target/classes"))
                .as(JavaArchive.class);
        // The EAR ships this package apart, in lib (the readiness check, which asks for the
        // forum's EJB module by its name in the EAR). Deleted by path: deletePackage looks the
        // classes up on the test class path, where the packaged EJB jar has none.
        domain.delete("/org/linli/forum/health");
        return ShrinkWrap.create(WebArchive.class, "forum-ejb-it.war")
                .addAsLibrary(domain)
                // The libraries the EAR ships (the module's compile dependencies; the sibling
                // forum-search comes from the reactor's classpath), and AssertJ for the tests.
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                        .importCompileAndRuntimeDependencies().resolve().withTransitivity()
                        .asFile())
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                        .resolve("org.assertj:assertj-core").withTransitivity().asFile())
                .addClasses(As.class, As.ThrowingRunnable.class, Deployments.class)
                .addClasses(testClasses)
                // A WAR reads EJB descriptors from WEB-INF only.
                .addAsWebInfResource(new File("src/main/resources/META-INF/jboss-ejb3.xml"), "jboss-ejb3.xml")
                .addAsWebInfResource(new StringAsset("<jboss-web><security-domain>other</security-domain></jboss-web>"), "jboss-web.xml")
                .addAsManifestResource(new StringAsset("Dependencies: org.wildfly.security.elytron, org.infinispan.core, org.infinispan.commons, org.eclipse.microprofile.health.api\n"), "MANIFEST.MF");
    }
}
