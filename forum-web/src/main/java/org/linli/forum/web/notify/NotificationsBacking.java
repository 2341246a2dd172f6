package org.linli.forum.web.notify;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.common.Page;
import org.linli.forum.notify.Notification;
import org.linli.forum.notify.NotificationService;
import org.linli.forum.post.Post;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.common.Pager;

import java.io.IOException;

/** The member's notifications, newest first; opening one marks it read and goes to what it is about. */
@Named
@RequestScoped
public class NotificationsBacking {

    @EJB
    private NotificationService notificationService;

    private String page;
    private String id;
    private Page<Notification> notifications;

    public void load() {
        notifications = notificationService.list(PageParameters.page(page));
    }

    /** /member/notification?id=…: marks it read and redirects to the post (or the topic's newest page). */
    public void open() throws IOException {
        Notification notification = notificationService.open(PageParameters.id("notification", id));
        Post post = notification.getPost();
        Links.redirect(post != null ? Links.post(post) : "/topic?id=" + notification.getTopic().getId() + "&page=last");
    }

    public void markAllRead() throws IOException {
        notificationService.markAllRead();
        Links.redirect("/member/notifications");
    }

    public Pager getPager() {
        return notifications == null ? Pager.NONE : new Pager(notifications);
    }

    public Page<Notification> getNotifications() {
        return notifications;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
