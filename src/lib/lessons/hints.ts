/**
 * `hints.md` parser. One `## check-id` section per check; inside a section the layers are either
 * the items of one top-level list, or blocks separated by lines of `---`; a section with neither is
 * a single layer. Layers go from a nudge to nearly the answer. Text before the first `##` is
 * ignored (a `# Hints` title, say). See src/lib/lessons/README.md.
 */
import { Lexer, type Tokens } from 'marked';
import type { HintSet } from './types.ts';
import { LessonFormatError } from './frontmatter.ts';
import { renderMarkdown } from './markdown.ts';

const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Split a section body into markdown layers (not yet rendered). */
function splitLayers(body: string): string[] {
	const byRule = body.split(/^[ \t]*---[ \t]*$/m).map((part) => part.trim());
	if (byRule.length > 1) return byRule.filter((part) => part.length > 0);
	const tokens = Lexer.lex(body).filter((token) => token.type !== 'space');
	if (tokens.length === 1 && tokens[0].type === 'list') {
		return (tokens[0] as Tokens.List).items.map((item) => item.text.trim());
	}
	const whole = body.trim();
	return whole ? [whole] : [];
}

/**
 * Parse a lesson's `hints.md` into one HintSet per check, layers rendered to HTML.
 * @param source the file text
 * @param file its path, for errors (`lessons/01-foundations/01-first-transaction/hints.md`)
 * @throws LessonFormatError on a bad check id, a repeated section or a section with no layer
 */
export function parseHints(source: string, file: string): HintSet[] {
	const sets: HintSet[] = [];
	const sections = source.split(/^##[ \t]+/m).slice(1);
	for (const section of sections) {
		const newline = section.indexOf('\n');
		const heading = (newline < 0 ? section : section.slice(0, newline)).trim();
		const checkId = heading.replace(/^`(.*)`$/, '$1').trim();
		if (!CHECK_ID.test(checkId)) {
			throw new LessonFormatError(file, `"## ${heading}" is not a check id (use kebab-case)`);
		}
		if (sets.some((set) => set.checkId === checkId)) {
			throw new LessonFormatError(file, `check "${checkId}" has two hint sections`);
		}
		const layers = splitLayers(newline < 0 ? '' : section.slice(newline + 1));
		if (layers.length === 0) throw new LessonFormatError(file, `check "${checkId}" has no hints`);
		sets.push({ checkId, layers: layers.map((layer) => renderMarkdown(layer, file)) });
	}
	return sets;
}
