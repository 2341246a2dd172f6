package org.linli.forum.testing;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import java.lang.annotation.Annotation;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A CDI event delivered straight to the given observer, for the plain-Java tests that run a
 * bean's code on H2 without a container. Only synchronous, unqualified firing is meaningful.
 */
public final class DirectEvent<T> implements Event<T> {

    private final Consumer<T> observer;

    public DirectEvent(Consumer<T> observer) {
        this.observer = observer;
    }

    /** An event nobody observes. */
    public static <T> DirectEvent<T> unobserved() {
        return new DirectEvent<>(event -> { });
    }

    @Override
    public void fire(T event) {
        observer.accept(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException("synchronous only");
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException("synchronous only");
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException("unqualified only");
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("unqualified only");
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("unqualified only");
    }
}
