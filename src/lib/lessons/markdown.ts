/**
 * Markdown with math for lesson prose and hints, rendered at build time: `marked` for the text,
 * KaTeX for `$...$` (inline) and `$$...$$` (display). Math follows pandoc's dollar rule so prices
 * like "$10,000 and $6,000" stay text: an opening `$` needs a non-space after it, a closing `$`
 * a non-space before it and no digit after it. Write `\$` for a literal dollar sign.
 */
import katex from 'katex';
import { Marked, type TokenizerAndRendererExtension } from 'marked';

/** A markdown or math error, located in its lesson file. */
export class MarkdownError extends Error {
	constructor(
		readonly file: string,
		message: string
	) {
		super(`${file}: ${message}`);
		this.name = 'MarkdownError';
	}
}

function renderMath(tex: string, displayMode: boolean): string {
	return katex.renderToString(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
}

const blockMath: TokenizerAndRendererExtension = {
	name: 'blockMath',
	level: 'block',
	start: (src) => src.match(/^\$\$/m)?.index,
	tokenizer(src) {
		const match = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/.exec(src);
		if (match) return { type: 'blockMath', raw: match[0], text: match[1].trim() };
		return undefined;
	},
	renderer: (token) => `<div class="math-display">${renderMath(token.text, true)}</div>\n`
};

const inlineMath: TokenizerAndRendererExtension = {
	name: 'inlineMath',
	level: 'inline',
	start: (src) => {
		const index = src.indexOf('$');
		return index < 0 ? undefined : index;
	},
	tokenizer(src) {
		const display = /^\$\$(?!\s)([^$]+?)(?<!\s)\$\$/.exec(src);
		if (display) return { type: 'inlineMath', raw: display[0], text: display[1], display: true };
		const inline = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/.exec(src);
		if (inline) return { type: 'inlineMath', raw: inline[0], text: inline[1], display: false };
		return undefined;
	},
	renderer: (token) => renderMath(token.text, token.display === true)
};

const marked = new Marked({ gfm: true, async: false }, { extensions: [blockMath, inlineMath] });

/**
 * Render lesson markdown to HTML.
 * @param source markdown text (frontmatter already removed)
 * @param file the lesson path, for error messages (`lessons/02-lending/01-x/index.md`)
 * @throws MarkdownError naming the file when KaTeX rejects a formula
 */
export function renderMarkdown(source: string, file: string): string {
	try {
		return marked.parse(source, { async: false });
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const clean = message
			.replace(/\s*Please report this to \S+\s*$/, '')
			.replace(/^KaTeX parse error: /, 'math: ');
		throw new MarkdownError(file, clean);
	}
}
