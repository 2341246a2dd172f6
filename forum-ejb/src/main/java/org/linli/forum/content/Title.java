package org.linli.forum.content;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.linli.forum.common.Checks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A topic's title: given, at most {@link #max()} characters as a reader counts them (code
 * points), and no control characters. Reports the first rule broken, in that order.
 */
@Documented
@Constraint(validatedBy = Title.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Title {

    String message() default "error.title.required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int max() default ContentRules.TITLE_MAX;

    class Check implements ConstraintValidator<Title, String> {

        private int max;

        @Override
        public void initialize(Title title) {
            max = title.max();
        }

        @Override
        public boolean isValid(String title, ConstraintValidatorContext context) {
            if (title == null || title.isBlank()) {
                return Checks.passes("error.title.required", context);
            }
            if (title.codePointCount(0, title.length()) > max) {
                return Checks.passes("error.title.tooLong", context, max);
            }
            return Checks.passes(title.chars().anyMatch(Character::isISOControl) ? "error.title.characters" : null, context);
        }
    }
}
