/**
 * Helpers of the playground's action forms: blank fields for a method's parameters, the typed
 * inputs checked before they become a step, and the message a failed check shows.
 */
import type { ArgInput, Param } from './types.ts';
import { InputError, readArg } from './values.ts';

/** Empty fields for a method's parameters (`false` for a boolean). */
export const blankArgs = (params: Param[]): string[] =>
	params.map((p) => (p.type === 'boolean' ? 'false' : ''));

/**
 * The typed inputs, checked here (names are checked when the step runs).
 * @throws InputError naming the parameter whose text is not of its type
 */
export function inputsOf(params: Param[], texts: string[]): ArgInput[] {
	const out = params.map((p, i) => ({ type: p.type, text: texts[i] ?? '' }));
	out.forEach((input, i) => readArg(input, params[i].name, (t) => t));
	return out;
}

/** The learner-facing message of a form's failure. */
export const formError = (error: unknown): string =>
	error instanceof InputError ? error.message : String(error);

/** The template's accounts as the options of a From field. */
export const accountOptions = (accounts: readonly string[]) =>
	accounts.map((a) => ({ value: a, text: a }));

/** The template's chains as the options of a Chain field (by chain id). */
export const chainOptions = (chains: readonly { id: number; name: string }[]) =>
	chains.map((c) => ({ value: c.id, text: c.name }));
