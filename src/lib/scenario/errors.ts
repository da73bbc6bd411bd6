/**
 * Turning failures into SourceError: the learner-facing shape `{ kind, message, file?, line? }`
 * of src/lib/model/errors.ts.
 */
import { isErrorKind, type SourceError } from '#lib/model/errors.ts';

/** A failure that ends a run (a contract that does not deploy, a scenario that breaks). */
export class ScenarioError extends Error {
	constructor(readonly source: SourceError) {
		super(
			source.file
				? `${source.file}${source.line ? `:${source.line}` : ''}: ${source.message}`
				: source.message
		);
		this.name = 'ScenarioError';
	}
}

/**
 * Read `{ kind, message, line, column }` off anything the engine throws or returns.
 * @param error a DeployError, an Error, a receipt's error object or anything else
 * @param file the lesson file to blame when the error carries a line (`contracts/Token.ts`)
 * @returns a SourceError; unknown kinds become 'runtime'
 */
export function toSourceError(error: unknown, file?: string): SourceError {
	if (error instanceof ScenarioError) return error.source;
	const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
	const kind = isErrorKind(e.kind) ? e.kind : 'runtime';
	const message =
		typeof e.reason === 'string' && kind === 'revert'
			? e.reason
			: typeof e.message === 'string'
				? e.message
				: String(error);
	const out: SourceError = { kind, message };
	const line = Number(e.line);
	if (Number.isInteger(line) && line > 0) out.line = line;
	const column = Number(e.column);
	if (Number.isInteger(column) && column >= 0) out.column = column;
	const ownFile = typeof e.file === 'string' && e.file ? e.file : undefined;
	if (ownFile ?? file) out.file = ownFile ?? file;
	return out;
}

/** `contracts/Token.ts line 12: message` for check messages and console lines. */
export function describeSourceError(error: SourceError): string {
	const where = error.file ? `${error.file}${error.line ? ` line ${error.line}` : ''}: ` : '';
	return `${where}${error.message}`;
}
