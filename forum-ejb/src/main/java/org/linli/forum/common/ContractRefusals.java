package org.linli.forum.common;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolationException;

/**
 * Around every service call (the default interceptor of the forum's EJBs, see jboss-ejb3.xml):
 * input the service's contract refuses (Bean Validation on its parameters) reaches the caller as
 * the forum's own {@link InvalidInputException}, with the message of the first rule broken, like
 * every other refusal of input.
 */
public class ContractRefusals {

    @AroundInvoke
    public Object call(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (ConstraintViolationException refused) {
            throw Checks.refusal(refused);
        }
    }
}
