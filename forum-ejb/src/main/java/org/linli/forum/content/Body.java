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
 * A post's body: given, at most {@link #max()} characters as stored (code points, a line break
 * one character however the browser sent it), and no control characters but tabs and line
 * breaks (NUL above all, which PostgreSQL refuses to store). The first rule broken is reported.
 */
@Documented
@Constraint(validatedBy = Body.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Body {

    String message() default "error.body.required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int max() default ContentRules.BODY_MAX;

    class Check implements ConstraintValidator<Body, String> {

        private int max;

        @Override
        public void initialize(Body body) {
            max = body.max();
        }

        @Override
        public boolean isValid(String body, ConstraintValidatorContext context) {
            if (body == null || body.isBlank()) {
                return Checks.passes("error.body.required", context);
            }
            String text = ContentRules.uniformLineBreaks(body);
            if (text.codePointCount(0, text.length()) > max) {
                return Checks.passes("error.body.tooLong", context, max);
            }
            boolean controls = text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t');
            return Checks.passes(controls ? "error.body.characters" : null, context);
        }
    }
}
