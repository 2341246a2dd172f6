package org.linli.forum.web.admin;

import org.linli.forum.board.BoardText;

import java.io.Serializable;

/**
 * The board form's names and descriptions in both languages, as typed (the include
 * WEB-INF/includes/board-text.xhtml binds to them); the service checks them as a {@link BoardText}.
 */
public class BoardTextFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String description;
    private String nameEn;
    private String descriptionEn;

    /** The fields filled with a board's current text. */
    static BoardTextFields of(BoardText text) {
        BoardTextFields fields = new BoardTextFields();
        fields.name = text.name();
        fields.description = text.description();
        fields.nameEn = text.nameEn();
        fields.descriptionEn = text.descriptionEn();
        return fields;
    }

    /** What was typed, checked: a refused field is named in the error. */
    BoardText toText() {
        return BoardText.of(name, description, nameEn, descriptionEn);
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
