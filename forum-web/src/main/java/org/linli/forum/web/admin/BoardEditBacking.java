package org.linli.forum.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.board.BoardText;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;
import java.io.Serializable;

/** An administrator names and describes a board in Chinese and in English. */
@Named
@ViewScoped
public class BoardEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient BoardService boardService;

    private String id;
    private long boardId;
    private String name;
    private String description;
    private String nameEn;
    private String descriptionEn;

    public void load() {
        Board board = boardService.getBoard(PageParameters.id("board", id));
        boardId = board.getId();
        BoardText text = board.getText();
        name = text.name();
        description = text.description();
        nameEn = text.nameEn();
        descriptionEn = text.descriptionEn();
    }

    public void save() throws IOException {
        FormActions.run("form", () -> {
            boardService.describeBoard(boardId, BoardText.of(name, description, nameEn, descriptionEn));
            return "/admin/boards";
        });
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String descriptionEn) {
        this.descriptionEn = descriptionEn;
    }
}
