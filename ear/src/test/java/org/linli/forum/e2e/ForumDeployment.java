package org.linli.forum.e2e;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;

/** The EAR exactly as the build packaged it, for tests that use the forum from outside. */
final class ForumDeployment {

    private ForumDeployment() {
    }

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/linli-forum.ear"));
    }
}
