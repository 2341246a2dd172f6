package org.linli.forum.common;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.hibernate.validator.engine.HibernateConstraintViolation;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bean Validation in the forum's terms. A constraint's message is the key of the forum's bundle
 * (error.title.tooLong), and the arguments of that message travel with it (Hibernate Validator's
 * dynamic payload: standard Bean Validation has no place for them). A form is told of every field
 * that breaks a rule at once, one problem per field, in the form's order (the fields as the bean
 * declares them; each field's constraint checks its own rules in order): the first becomes an
 * {@link InvalidInputException} that carries the others, shown like every other refusal.
 */
public final class Checks {

    private static volatile Validator validator;

    private Checks() {
    }

    /** Throws an {@link InvalidInputException} for the first field {@code bean} gets wrong, carrying the others. */
    public static void validate(Object bean) {
        List<InvalidInputException> problems = problems(bean);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
    }

    /** Every field {@code bean} gets wrong, one problem each (its first), in the bean's order. */
    public static List<InvalidInputException> problems(Object bean) {
        return onePerField(validator().validate(bean), fieldOrder(bean.getClass()));
    }

    /**
     * For constraints that check several rules in order: true if {@code problem} (the message
     * key of the rule broken) is null; else reports it as the violation and returns false.
     */
    public static boolean passes(String problem, ConstraintValidatorContext context, Object... arguments) {
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(new Arguments(arguments));
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /** A broken rule's message arguments, as its constraint reported them. */
    private record Arguments(Object[] values) {
    }

    /** The refusal to show for a service call its contract refused (parameters are in declared order). */
    public static InvalidInputException refusal(ConstraintViolationException e) {
        List<InvalidInputException> problems = onePerField(e.getConstraintViolations(), List.of());
        return problems.isEmpty() ? new InvalidInputException("", "error.unexpected") : InvalidInputException.of(problems);
    }

    /** The first problem of each field (or parameter), in the form's order. */
    private static List<InvalidInputException> onePerField(Collection<? extends ConstraintViolation<?>> violations,
                                                           List<String> order) {
        Map<String, InvalidInputException> byField = new LinkedHashMap<>();
        violations.stream()
                .sorted(Comparator.comparingInt((ConstraintViolation<?> v) -> position(v, order))
                        .thenComparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> byField.putIfAbsent(field(v.getPropertyPath()), refusal(v)));
        return List.copyOf(byField.values());
    }

    private static InvalidInputException refusal(ConstraintViolation<?> violation) {
        HibernateConstraintViolation<?> reported = violation.unwrap(HibernateConstraintViolation.class);
        Arguments arguments = reported.getDynamicPayload(Arguments.class);
        return new InvalidInputException(field(violation.getPropertyPath()), violation.getMessage(),
                arguments == null ? new Object[0] : arguments.values());
    }

    /** The last name of the path: the field, or the parameter of a method. */
    private static String field(Path path) {
        String name = "";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }

    /** A field's place in its bean; for a method's parameters, the parameter's index. */
    private static int position(ConstraintViolation<?> violation, List<String> order) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return node.as(Path.ParameterNode.class).getParameterIndex();
            }
        }
        int index = order.indexOf(field(violation.getPropertyPath()));
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static List<String> fieldOrder(Class<?> beanClass) {
        if (beanClass.isRecord()) {
            return Arrays.stream(beanClass.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return Arrays.stream(beanClass.getDeclaredFields()).map(Field::getName).toList();
    }

    private static Validator validator() {
        if (validator == null) {
            validator = Validation.buildDefaultValidatorFactory().getValidator();
        }
        return validator;
    }
}
