package org.linli.forum.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.common.Page;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberPermissions;
import org.linli.forum.member.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reading the audit log, newest first, filtered by moderator, board and action. There is no way to change it. */
@Stateless
@RolesAllowed({Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
public class AuditService {

    public static final int PAGE_SIZE = 50;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    /**
     * Page {@code number} of the entries matching every filter given (null for none). An unknown
     * moderator name matches nothing.
     */
    public Page<AuditEntry> list(String moderator, Long boardId, AuditAction action, int number) {
        Member reader = currentMember.require();
        if (!MemberPermissions.canViewAuditLog(reader)) {
            throw new NotPermittedException("error.notPermitted.auditLog");
        }
        List<String> conditions = new ArrayList<>();
        List<Consumer<TypedQuery<?>>> parameters = new ArrayList<>();
        if (moderator != null && !moderator.isBlank()) {
            conditions.add("e.actor.usernameKey = :actor");
            String key = Member.keyOf(moderator.strip());
            parameters.add(q -> q.setParameter("actor", key));
        }
        if (boardId != null) {
            conditions.add("e.boardId = :board");
            parameters.add(q -> q.setParameter("board", boardId));
        }
        if (action != null) {
            conditions.add("e.action = :action");
            parameters.add(q -> q.setParameter("action", action));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
        TypedQuery<AuditEntry> list = em.createQuery("select e from AuditEntry e join fetch e.actor" + where
                + " order by e.createdAt desc, e.id desc", AuditEntry.class);
        parameters.forEach(p -> {
            p.accept(count);
            p.accept(list);
        });
        long total = count.getSingleResult();
        if (number < 1 || number > Page.totalPages(total, PAGE_SIZE)) {
            throw new NotFoundException("page", number);
        }
        List<AuditEntry> entries = list.setFirstResult(Page.firstIndex(number, PAGE_SIZE)).setMaxResults(PAGE_SIZE).getResultList();
        return new Page<>(entries, number, PAGE_SIZE, total);
    }
}
