package org.linli.forum.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Role;
import org.linli.forum.web.common.FormActions;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The administrators' roles page: look a member up, give them a role, and for a moderator the
 * boards they moderate (none ticked: every board).
 */
@Named
@ViewScoped
public class MembersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private MemberService memberService;

    @EJB
    private BoardService boardService;

    private String name;
    private Member member;
    private Role role;
    private List<Long> boardIds = new ArrayList<>();
    private List<Board> boards;

    public void load() {
        // The service refuses anyone but an administrator, with or without a name.
        member = memberService.findForRoles(name).orElse(null);
        boards = boardService.listBoards();
        if (member != null) {
            role = member.getRole();
            boardIds = new ArrayList<>(member.getModeratedBoardIds());
        }
    }

    public void save() throws IOException {
        if (member == null) {
            throw new NotFoundException("member", name);
        }
        FormActions.run("form", () -> {
            Member changed = memberService.changeRole(member.getId(), role == null ? Role.RESIDENT : role,
                    new HashSet<>(boardIds == null ? List.of() : boardIds));
            return "/admin/members?name=" + URLEncoder.encode(changed.getUsername(), StandardCharsets.UTF_8);
        });
    }

    public List<Role> getRoles() {
        return List.of(Role.values());
    }

    public List<Board> getBoards() {
        return boards;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Member getMember() {
        return member;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public List<Long> getBoardIds() {
        return boardIds;
    }

    public void setBoardIds(List<Long> boardIds) {
        this.boardIds = boardIds;
    }
}
