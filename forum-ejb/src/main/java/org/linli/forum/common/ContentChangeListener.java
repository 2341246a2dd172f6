package org.linli.forum.common;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostCommitInsertEventListener;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

import java.util.Set;

/**
 * Bumps the {@link ContentGeneration} after every committed insert, update or delete of an entity
 * that shows on public pages. It watches every entity except those that are private to a member or
 * to the machinery (a new kind of entity therefore invalidates cached pages until it is listed
 * here: a missed entry costs speed, never correctness). Registered with Hibernate as an
 * {@link Integrator} (META-INF/services).
 */
public class ContentChangeListener implements Integrator, PostCommitInsertEventListener,
        PostCommitUpdateEventListener, PostCommitDeleteEventListener {

    private static final long serialVersionUID = 1L;

    /** Entities no anonymous page shows: reading marks, watches, notifications, mail, logs, reports, import records. */
    private static final Set<String> PRIVATE = Set.of(
            "TopicRead", "TopicWatch", "BoardWatch", "Notification", "NotificationSettings", "OutgoingMail",
            "SearchChange", "AuditEntry", "Report", "PostRevision", "ImportRun", "ImportProblem", "Lease", "ForumKey");

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        EventListenerRegistry listeners = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.POST_COMMIT_INSERT, this);
        listeners.appendListeners(EventType.POST_COMMIT_UPDATE, this);
        listeners.appendListeners(EventType.POST_COMMIT_DELETE, this);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing held
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return !PRIVATE.contains(simpleName(persister));
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        changed(event.getPersister());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        changed(event.getPersister());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        changed(event.getPersister());
    }

    @Override
    public void onPostInsertCommitFailed(PostInsertEvent event) {
        // rolled back: nothing changed
    }

    @Override
    public void onPostUpdateCommitFailed(PostUpdateEvent event) {
        // rolled back: nothing changed
    }

    @Override
    public void onPostDeleteCommitFailed(PostDeleteEvent event) {
        // rolled back: nothing changed
    }

    private void changed(EntityPersister persister) {
        if (requiresPostCommitHandling(persister)) {
            ContentGeneration.changed();
        }
    }

    private static String simpleName(EntityPersister persister) {
        String name = persister.getEntityName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
