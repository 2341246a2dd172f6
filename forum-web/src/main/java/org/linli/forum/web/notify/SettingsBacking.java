package org.linli.forum.web.notify;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.notify.NotificationKind;
import org.linli.forum.notify.NotificationService;
import org.linli.forum.notify.NotificationSettings;
import org.linli.forum.web.i18n.Messages;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which kinds of notification the member wants. */
@Named
@ViewScoped
public class SettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private NotificationService notificationService;

    /** An array, not a list: Faces converts checkbox values to the array's enum type. */
    private NotificationKind[] wanted;

    private boolean email;
    private String language;

    public void load() {
        if (wanted == null) {
            wanted = notificationService.wanted().toArray(NotificationKind[]::new);
            NotificationSettings settings = notificationService.settings();
            email = settings.isEmail();
            language = settings.getLanguage();
        }
    }

    public void save() {
        Set<NotificationKind> chosen = EnumSet.noneOf(NotificationKind.class);
        if (wanted != null) {
            chosen.addAll(Arrays.asList(wanted));
        }
        notificationService.choose(chosen);
        notificationService.chooseMail(email, language);
        Messages.info("settings.saved");
    }

    public List<NotificationKind> getKinds() {
        return List.of(NotificationKind.values());
    }

    public boolean isEmail() {
        return email;
    }

    public void setEmail(boolean email) {
        this.email = email;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public NotificationKind[] getWanted() {
        return wanted;
    }

    public void setWanted(NotificationKind[] wanted) {
        this.wanted = wanted;
    }
}
