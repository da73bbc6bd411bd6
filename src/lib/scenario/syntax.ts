/**
 * A fast compile pass over the learner's files at load time, so a typo is reported with its file
 * and line before anything runs. It uses the engine's own contract compiler, so the messages are
 * the ones a deploy would give; types are Monaco's job.
 */
import { CompileError, compileContract } from '#lib/sim/sandbox/transform.ts';
import type { SourceError } from '#lib/model/errors.ts';

/**
 * Compile errors of contract sources.
 * @param sources files by lesson path (`contracts/Token.ts`)
 * @returns one SourceError (kind 'syntax', 1-based line when known) per file that does not compile
 */
export function syntaxErrors(sources: Readonly<Record<string, string>>): SourceError[] {
	const errors: SourceError[] = [];
	for (const [file, code] of Object.entries(sources)) {
		try {
			compileContract(code);
		} catch (error) {
			if (!(error instanceof CompileError)) throw error;
			const out: SourceError = { kind: 'syntax', message: error.message, file };
			if (error.line) out.line = error.line;
			errors.push(out);
		}
	}
	return errors;
}
