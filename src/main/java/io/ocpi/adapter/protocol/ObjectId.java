package io.ocpi.adapter.protocol;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The id of an object that URLs name (Location, EVSE, Connector, Session, CDR, Tariff, Token), or a reference to one:
 * a {@link CiString} that also fits in one URL path segment, as the Receiver and Sender URLs carry it. So an object a
 * peer sends in a body can always be addressed afterwards: the web server refuses an encoded {@code /} or {@code \},
 * the HTTP firewall an encoded {@code %} or {@code ;}, and {@code .} and {@code ..} are no segment of their own.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@CiString
@Constraint(validatedBy = ObjectId.Validator.class)
public @interface ObjectId {

    String message() default "must fit in a URL path segment: no '/', '\\', '%' or ';', and not '.' or '..'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ObjectId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.chars().noneMatch(c -> c == '/' || c == '\\' || c == '%' || c == ';')
                    && !value.equals(".") && !value.equals("..");
        }
    }
}
