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
 * A password: {@link #min()} to {@link #max()} characters (code points, so 八个汉字的密码啊 is eight).
 */
@Documented
@Constraint(validatedBy = Password.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Password {

    String message() default "error.password.length";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int min() default Registration.PASSWORD_MIN;

    int max() default Registration.PASSWORD_MAX;

    class Check implements ConstraintValidator<Password, String> {

        private int min;
        private int max;

        @Override
        public void initialize(Password password) {
            min = password.min();
            max = password.max();
        }

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            int length = password == null ? 0 : password.codePointCount(0, password.length());
            return Checks.passes(length < min || length > max ? "error.password.length" : null, context, min, max);
        }
    }
}
