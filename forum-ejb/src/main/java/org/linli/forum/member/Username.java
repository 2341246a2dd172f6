package org.linli.forum.member;

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
 * A username: given, {@link #min()} to {@link #max()} characters (code points: 张伟 is a whole
 * name), letters of any script and digits with . _ - between them, and not one of the names that
 * stand for nobody. The first rule broken is reported, in that order.
 */
@Documented
@Constraint(validatedBy = Username.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Username {

    String message() default "error.username.required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int min() default Registration.USERNAME_MIN;

    int max() default Registration.USERNAME_MAX;

    class Check implements ConstraintValidator<Username, String> {

        private int min;
        private int max;

        @Override
        public void initialize(Username username) {
            min = username.min();
            max = username.max();
        }

        @Override
        public boolean isValid(String username, ConstraintValidatorContext context) {
            if (username == null || username.isEmpty()) {
                return Checks.passes("error.username.required", context);
            }
            int length = username.codePointCount(0, username.length());
            if (length < min || length > max) {
                return Checks.passes("error.username.length", context, min, max);
            }
            if (!Registration.USERNAME.matcher(username).matches()) {
                return Checks.passes("error.username.characters", context);
            }
            return Checks.passes(Registration.RESERVED.contains(Member.keyOf(username)) ? "error.username.reserved" : null, context);
        }
    }
}
