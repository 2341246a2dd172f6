package org.linli.forum.board;

import org.linli.forum.common.InvalidInputException;

/**
 * What a board says about itself, in Chinese and in English. The Chinese name is required (the
 * forum's first language); the English name and both descriptions may be empty. A page in one
 * language shows that language's text and falls back to the other's where it is empty.
 */
public record BoardText(String name, String description, String nameEn, String descriptionEn) {

    /** The text as given, stripped and checked: each field is named in the error that refuses it. */
    public static BoardText of(String name, String description, String nameEn, String descriptionEn) {
        BoardText text = new BoardText(clean(name), clean(description), clean(nameEn), clean(descriptionEn));
        if (text.name.isEmpty() || text.name.length() > Board.NAME_MAX) {
            throw new InvalidInputException("name", "error.board.name", Board.NAME_MAX);
        }
        if (text.nameEn.length() > Board.NAME_MAX) {
            throw new InvalidInputException("nameEn", "error.board.nameEn", Board.NAME_MAX);
        }
        if (text.description.length() > Board.DESCRIPTION_MAX) {
            throw new InvalidInputException("description", "error.board.description", Board.DESCRIPTION_MAX);
        }
        if (text.descriptionEn.length() > Board.DESCRIPTION_MAX) {
            throw new InvalidInputException("descriptionEn", "error.board.description", Board.DESCRIPTION_MAX);
        }
        return text;
    }

    private static String clean(String given) {
        return given == null ? "" : given.strip();
    }

    public String nameIn(boolean english) {
        return english && !nameEn.isEmpty() ? nameEn : name;
    }

    public String descriptionIn(boolean english) {
        String own = english ? descriptionEn : description;
        return own.isEmpty() ? (english ? description : descriptionEn) : own;
    }

    /** Whether the name shown in {@code english} (or Chinese) is in the other language: it then needs its own lang. */
    public boolean nameFallsBack(boolean english) {
        return english && nameEn.isEmpty();
    }

    public boolean descriptionFallsBack(boolean english) {
        return (english ? descriptionEn : description).isEmpty() && !(english ? description : descriptionEn).isEmpty();
    }
}
