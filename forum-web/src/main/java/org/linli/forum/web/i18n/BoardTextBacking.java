package org.linli.forum.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.board.Board;

import java.util.Locale;

/**
 * A board's name and description in the page's language (#{boardText}), falling back to the
 * other language where the board has none in this one; the text shown in the other language
 * carries that language's tag (nameLang, descriptionLang), and null, no attribute, otherwise.
 */
@Named("boardText")
@RequestScoped
public class BoardTextBacking {

    @Inject
    private LanguageBacking language;

    private boolean english() {
        return Locale.ENGLISH.getLanguage().equals(language.getLocale().getLanguage());
    }

    public String name(Board board) {
        return board == null ? "" : board.nameIn(english());
    }

    public String description(Board board) {
        return board == null ? "" : board.descriptionIn(english());
    }

    public String nameLang(Board board) {
        return board != null && board.getText().nameFallsBack(english()) ? other() : null;
    }

    public String descriptionLang(Board board) {
        return board != null && board.getText().descriptionFallsBack(english()) ? other() : null;
    }

    private String other() {
        return english() ? Languages.CHINESE.toLanguageTag() : Locale.ENGLISH.toLanguageTag();
    }
}
