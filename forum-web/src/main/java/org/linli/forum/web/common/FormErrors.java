package org.linli.forum.web.common;

import jakarta.faces.application.FacesMessage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.inject.Named;
import org.linli.forum.common.ForumException;
import org.linli.forum.web.i18n.Messages;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A refused form tells every reader, sighted or not, what went wrong and where (#{formErrors}):
 * the page's title starts with "错误：" / "Error:", a summary with role="alert" at the top lists
 * each problem with a link to its field, and each invalid field is marked aria-invalid, described
 * by its message (the h:message beside it, whose id is the field's id plus "Error"), and the first
 * one takes the focus (autofocus, which works without JavaScript). The field marks are set just
 * before the view renders ({@link FieldMarks}); the topic page's plain forms mark their fields in
 * their markup and hand their refusal over as a request attribute ({@link Refusal}).
 */
@Named("formErrors")
@RequestScoped
public class FormErrors {

    /** One problem of the form: its text, and the id of the field it concerns (null for the form as a whole). */
    public record Problem(String field, String text) {
    }

    /**
     * Gathered at each call, not kept: Faces asks a component's rendered before the form's action
     * runs (to decide what to decode), when the refusal's messages are not there yet.
     */
    public List<Problem> getList() {
        return gather();
    }

    public boolean isAny() {
        return !getList().isEmpty();
    }

    /** "错误：" / "Error: " before the title of a page that answers a refused form. */
    public String getTitlePrefix() {
        return isAny() ? Messages.text("error.titlePrefix") : "";
    }

    private static List<Problem> gather() {
        FacesContext context = FacesContext.getCurrentInstance();
        List<Problem> found = new ArrayList<>();
        Iterator<String> ids = context.getClientIdsWithMessages();
        while (ids.hasNext()) {
            String id = ids.next();
            for (FacesMessage message : context.getMessageList(id)) {
                if (message.getSeverity().getOrdinal() >= FacesMessage.SEVERITY_ERROR.getOrdinal()) {
                    found.add(new Problem(id, message.getSummary()));
                }
            }
        }
        Object returned = context.getExternalContext().getRequestMap().get(PLAIN_FORM_REFUSAL);
        if (returned instanceof Refusal refusal) {
            found.add(new Problem(refusal.field(), Messages.text(refusal.error().getMessageKey(), refusal.error().getArguments())));
        }
        return found;
    }

    /** A plain (non-Faces) form's refusal, and the id of the field it concerns. */
    public record Refusal(String field, ForumException error) {
    }

    /** The request attribute where a plain form that comes back refused puts its {@link Refusal}. */
    public static final String PLAIN_FORM_REFUSAL = FormErrors.class.getName() + ".refusal";

    /** Marks the invalid fields of a view before it renders; registered in faces-config.xml. */
    public static class FieldMarks implements SystemEventListener {

        private static final String INVALID = "aria-invalid";
        private static final String DESCRIBED_BY = "aria-describedby";
        private static final String AUTOFOCUS = "autofocus";

        @Override
        public boolean isListenerForSource(Object source) {
            return source instanceof UIViewRoot;
        }

        @Override
        public void processEvent(SystemEvent event) throws AbortProcessingException {
            FacesContext context = FacesContext.getCurrentInstance();
            UIViewRoot root = context.getViewRoot();
            if (context.isPostback()) {
                // A view shown again keeps its components: last time's marks go first.
                root.visitTree(VisitContext.createVisitContext(context), (visit, component) -> {
                    if (component instanceof UIInput input) {
                        Map<String, Object> attributes = input.getPassThroughAttributes(false);
                        if (attributes != null) {
                            attributes.remove(INVALID);
                            attributes.remove(DESCRIBED_BY);
                            attributes.remove(AUTOFOCUS);
                        }
                    }
                    return VisitResult.ACCEPT;
                });
            }
            boolean[] first = {true};
            Iterator<String> ids = context.getClientIdsWithMessages();
            while (ids.hasNext()) {
                String id = ids.next();
                if (id == null) {
                    continue;
                }
                root.invokeOnComponent(context, id, (at, component) -> {
                    if (component instanceof UIInput input) {
                        Map<String, Object> attributes = input.getPassThroughAttributes(true);
                        attributes.put(INVALID, "true");
                        attributes.put(DESCRIBED_BY, id + "Error");
                        if (first[0]) {
                            attributes.put(AUTOFOCUS, AUTOFOCUS);
                            first[0] = false;
                        }
                    }
                });
            }
        }
    }
}
