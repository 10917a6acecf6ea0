import type { Instrument } from '@motcua/core/satisfaction';
import type { ShownProblem } from './rating-form.events.js';

/**
 * The problems of the answers until core's validation arrives (it loads with the first touch): the unanswered
 * required questions and a missing reason, all that core can find in answers given through the form's own controls.
 * Core's check replaces it.
 */
export function provisionalProblems(
  instrument: Instrument,
  answers: Readonly<Record<string, number | string>>,
): ShownProblem[] {
  return instrument.questions.flatMap((q): ShownProblem[] => {
    const value = answers[q.id];
    if (q.type === 'scale' ? value !== undefined : String(value ?? '').trim() !== '') return [];
    const when = q.type === 'text' ? q.requiredWhen : undefined;
    if (when?.values.includes(answers[when.question] as number)) return [{ question: q.id, code: 'missing-reason' }];
    return q.required ? [{ question: q.id, code: 'missing-answer' }] : [];
  });
}
