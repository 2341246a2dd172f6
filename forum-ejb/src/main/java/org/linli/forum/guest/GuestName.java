package org.linli.forum.guest;

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

/** The name a guest signs with: given, at most {@link GuestForms#NAME_MAX} characters, no control characters. */
@Documented
@Constraint(validatedBy = GuestName.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface GuestName {

    String message() default "error.guest.nameRequired";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<GuestName, String> {

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            if (name == null || name.isBlank()) {
                return Checks.passes("error.guest.nameRequired", context);
            }
            if (name.codePointCount(0, name.length()) > GuestForms.NAME_MAX) {
                return Checks.passes("error.guest.nameTooLong", context, GuestForms.NAME_MAX);
            }
            return Checks.passes(name.chars().anyMatch(Character::isISOControl) ? "error.guest.nameCharacters" : null, context);
        }
    }
}
