package org.linli.forum.web.moderation;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.audit.AuditAction;
import org.linli.forum.audit.AuditEntry;
import org.linli.forum.audit.AuditService;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.Page;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.common.Pager;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audit log for moderators, staff and administrators: newest first, filtered by moderator,
 * board and action from a GET form, so every view of it is a link. Read only.
 */
@Named
@RequestScoped
public class AuditLogBacking {

    @EJB
    private AuditService auditService;

    @EJB
    private BoardService boardService;

    private String moderator;
    private String board;
    private String action;
    private String page;
    private Page<AuditEntry> entries;
    private Map<Long, Board> boards;

    public void load() {
        boards = boardService.listBoards().stream().collect(Collectors.toMap(Board::getId, Function.identity()));
        Long boardId = board == null || board.isBlank() ? null : PageParameters.id("board", board);
        AuditAction chosen = null;
        if (action != null && !action.isBlank()) {
            chosen = Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(action)).findFirst().orElse(null);
        }
        entries = auditService.list(moderator, boardId, chosen, PageParameters.page(page));
    }

    /** The filters as a query string, for the pager's links. */
    public String getFilterQuery() {
        return "moderator=" + encode(moderator) + "&board=" + encode(board) + "&action=" + encode(action);
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String boardName(Long id) {
        Board found = id == null ? null : boards.get(id);
        return found == null ? "" : found.getName();
    }

    public List<AuditAction> getActions() {
        return List.of(AuditAction.values());
    }

    public List<Board> getBoards() {
        return boards == null ? List.of() : boards.values().stream().sorted((a, b) -> Integer.compare(a.getPosition(), b.getPosition())).toList();
    }

    public Pager getPager() {
        return entries == null ? Pager.NONE : new Pager(entries);
    }

    public Page<AuditEntry> getEntries() {
        return entries;
    }

    public String getModerator() {
        return moderator;
    }

    public void setModerator(String moderator) {
        this.moderator = moderator;
    }

    public String getBoard() {
        return board;
    }

    public void setBoard(String board) {
        this.board = board;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
