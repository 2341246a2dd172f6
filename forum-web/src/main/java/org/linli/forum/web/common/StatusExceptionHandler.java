package org.linli.forum.web.common;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.member.NotSignedInException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Gives the reader's mistakes their HTTP status and the forum's page for it, instead of an error
 * 500: a {@link NotFoundException} anywhere while a page loads (an unknown id, a page past the
 * end) is a 404; a form posted with a missing, stale or foreign view state (an expired session,
 * or a forged request) is a 400, and nothing it carried is applied.
 */
public class StatusExceptionHandler extends ExceptionHandlerWrapper {

    public StatusExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            int status = statusFor(events.next().getContext().getException());
            ExternalContext external = context.getExternalContext();
            if (status != 0 && !external.isResponseCommitted()) {
                events.remove();
                try {
                    external.responseSendError(status, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                context.responseComplete();
            }
        }
        getWrapped().handle();
    }

    private static int statusFor(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            // Not allowed to see it is, to the reader, not there (the body names no reason).
            if (cause instanceof NotFoundException || cause instanceof NotPermittedException
                    || cause instanceof NotSignedInException || cause instanceof EJBAccessException) {
                return 404;
            }
            if (cause instanceof ViewExpiredException) {
                return 400;
            }
        }
        return 0;
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new StatusExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
