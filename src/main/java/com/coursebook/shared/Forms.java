package com.coursebook.shared;

import java.util.function.UnaryOperator;

import org.springframework.validation.BindingResult;

/**
 * The screens' one way of submitting a form to a service: run the act only if the form is valid, and turn the
 * domain's refusal of the input (a field it will not take, a state that does not allow it) into the form's own
 * errors, so the page shows again with what was typed and the reason beside the field. Refusals that are not about
 * the form (the rules, a taken slot) go to the screens' advice.
 */
public final class Forms {

    private Forms() {
    }

    /** The service's answer, if the form was valid and the service took it. */
    public static <T> java.util.Optional<T> submit(BindingResult result, java.util.function.Supplier<T> act,
            UnaryOperator<String> fieldOf) {
        java.util.List<T> answer = new java.util.ArrayList<>(1);
        return accepted(result, () -> answer.add(act.get()), fieldOf) ? java.util.Optional.ofNullable(answer.get(0))
                : java.util.Optional.empty();
    }

    /** Whether the form was valid and the service took it. */
    public static boolean accepted(BindingResult result, Runnable act) {
        return accepted(result, act, UnaryOperator.identity());
    }

    /**
     * As above; {@code fieldOf} names the form's field for the service's (null: a message for the whole form).
     */
    public static boolean accepted(BindingResult result, Runnable act, UnaryOperator<String> fieldOf) {
        if (result.hasErrors()) {
            return false;
        }
        try {
            act.run();
            return true;
        }
        catch (InvalidRequestException ex) {
            for (InvalidRequestException.FieldProblem problem : ex.problems()) {
                String field = problem.field() == null ? null : fieldOf.apply(problem.field());
                if (field == null) {
                    result.reject(problem.messageCode(), problem.arguments(), null);
                }
                else {
                    result.rejectValue(field, problem.messageCode(), problem.arguments(), null);
                }
            }
            if (ex.formCode() != null) {
                result.reject(ex.formCode());
            }
        }
        catch (ConflictException ex) {
            result.reject(ex.messageCode(), ex.arguments(), null);
        }
        return false;
    }
}
