package org.linli.forum.web.common;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import org.linli.forum.common.NotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Turns a {@link NotFoundException} thrown anywhere while a page loads (an unknown id, a page
 * past the end) into a plain 404 with the forum's not-found page, instead of an error 500.
 */
public class NotFoundExceptionHandler extends ExceptionHandlerWrapper {

    public NotFoundExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable cause = events.next().getContext().getException();
            while (cause != null && !(cause instanceof NotFoundException)) {
                cause = cause.getCause();
            }
            ExternalContext external = context.getExternalContext();
            if (cause != null && !external.isResponseCommitted()) {
                events.remove();
                try {
                    external.responseSendError(404, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                context.responseComplete();
            }
        }
        getWrapped().handle();
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new NotFoundExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
