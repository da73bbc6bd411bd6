import { describe, expect, test } from 'vitest';
import { buildCatalog, CatalogError } from '#lib/lessons/loader.ts';
import { resolveLessonTexts } from '#lib/lessons/files.ts';
import { parseHints } from '#lib/lessons/hints.ts';
import { renderMarkdown } from '#lib/lessons/markdown.ts';
import { VIEW_IDS } from '#lib/model/views.ts';

const lessonIndex = (extra = '') => `---
title: Lesson
summary: A lesson.
focus: contracts/A.ts
editable: [contracts/A.ts]
minutes: 5
sources: []
views: [receipts]
${extra}---

Body with $x^2$.
`;

const track = '---\ntitle: Track\nsummary: A track.\n---\n\nIntro.\n';

function fixture(): Record<string, string> {
	return {
		'/lessons/01-t/index.md': track,
		'/lessons/01-t/01-a/index.md': lessonIndex(),
		'/lessons/01-t/01-a/contracts/A.ts': 'starter A',
		'/lessons/01-t/01-a/contracts/Fixed.ts': 'fixed',
		'/lessons/01-t/01-a/solution/A.ts': 'solution A',
		'/lessons/01-t/01-a/hints.md': '## a-check\n- one\n- two\n',
		'/lessons/01-t/02-b/index.md': lessonIndex(),
		'/lessons/01-t/02-b/solution/A.ts': 'solution B'
	};
}

function problemsOf(raw: Record<string, string>): string[] {
	try {
		buildCatalog(raw);
	} catch (error) {
		expect(error).toBeInstanceOf(CatalogError);
		return (error as CatalogError).problems;
	}
	throw new Error('expected the catalog to fail');
}

describe('buildCatalog', () => {
	test('pairs starters with solutions and keeps fixed files read-only', () => {
		const { tracks, lessons } = buildCatalog(fixture());
		expect(tracks.map((t) => [t.id, t.title, t.lessons.length])).toEqual([['01-t', 'Track', 2]]);
		const a = lessons.get('01-t/01-a')!;
		expect(a.number).toBe(1);
		expect(a.files).toEqual([
			{ path: 'contracts/A.ts', starter: 'starter A', solution: 'solution A', editable: true },
			{ path: 'contracts/Fixed.ts', starter: 'fixed', solution: 'fixed', editable: false }
		]);
		expect(a.html).toContain('class="katex"');
		expect(a.hints).toEqual([{ checkId: 'a-check', layers: ['<p>one</p>\n', '<p>two</p>\n'] }]);
	});

	test('a lesson without contracts/ starts from the previous solution', () => {
		const b = buildCatalog(fixture()).lessons.get('01-t/02-b')!;
		const a = b.files.find((f) => f.path === 'contracts/A.ts')!;
		expect(a.starter).toBe('solution A');
		expect(a.solution).toBe('solution B');
		expect(b.files.find((f) => f.path === 'contracts/Fixed.ts')?.starter).toBe('fixed');
	});

	test('bad frontmatter names the file and the field', () => {
		const raw = fixture();
		raw['/lessons/01-t/01-a/index.md'] = lessonIndex().replace('minutes: 5', 'minutes: soon');
		raw['/lessons/01-t/02-b/index.md'] = lessonIndex().replace('title: Lesson\n', '');
		const problems = problemsOf(raw);
		expect(problems).toContain(
			'lessons/01-t/01-a/index.md: invalid frontmatter: minutes: minutes must be a number'
		);
		expect(problems).toContain(
			'lessons/01-t/02-b/index.md: invalid frontmatter: title: title is missing'
		);
	});

	test('focus and editable must name lesson files; a track needs its index.md', () => {
		const raw = fixture();
		raw['/lessons/01-t/01-a/index.md'] = lessonIndex().replace(
			'focus: contracts/A.ts',
			'focus: contracts/Nope.ts'
		);
		delete raw['/lessons/01-t/index.md'];
		const problems = problemsOf(raw);
		expect(
			problems.some((p) =>
				p.startsWith('lessons/01-t/01-a/index.md: contracts/Nope.ts is not a lesson file')
			)
		).toBe(true);
		expect(problems).toContain('lessons/01-t/index.md is missing (track of 01-t/01-a)');
	});

	test('a solution file without a starter here or in the previous solution is an error', () => {
		const raw = fixture();
		raw['/lessons/01-t/01-a/solution/Extra.ts'] = 'x';
		expect(problemsOf(raw)).toContain(
			"lessons/01-t/01-a/solution: Extra.ts has no starter in contracts/ nor in the previous lesson's solution"
		);
	});

	test('a file missing from a lesson with its own contracts/ comes from the previous solution', () => {
		const raw = fixture();
		// 02-b has its own contracts/ now, but no starter for A.ts, which its solution changes
		raw['/lessons/01-t/02-b/contracts/New.ts'] = 'new in b';
		const b = buildCatalog(raw).lessons.get('01-t/02-b')!;
		expect(b.files).toEqual([
			{ path: 'contracts/A.ts', starter: 'solution A', solution: 'solution B', editable: true },
			{ path: 'contracts/New.ts', starter: 'new in b', solution: 'new in b', editable: false }
		]);
		// the worker resolves the same texts from the same raw files (no markdown)
		expect(resolveLessonTexts(raw, '01-t/02-b').starter).toEqual({
			'contracts/A.ts': 'solution A',
			'contracts/New.ts': 'new in b'
		});
	});

	test("a track's shared contracts reach every lesson read-only, and a lesson may override one", () => {
		const raw = fixture();
		delete raw['/lessons/01-t/01-a/contracts/Fixed.ts'];
		raw['/lessons/01-t/contracts/Feed.ts'] = 'shared feed';
		raw['/lessons/01-t/03-c/index.md'] = lessonIndex();
		raw['/lessons/01-t/03-c/contracts/A.ts'] = 'starter C';
		raw['/lessons/01-t/03-c/contracts/Feed.ts'] = 'own feed';
		const { lessons } = buildCatalog(raw);
		const feed = (id: string) => lessons.get(id)!.files.find((f) => f.path === 'contracts/Feed.ts');
		expect(feed('01-t/01-a')).toEqual({
			path: 'contracts/Feed.ts',
			starter: 'shared feed',
			solution: 'shared feed',
			editable: false
		});
		expect(feed('01-t/02-b')?.starter).toBe('shared feed');
		expect(feed('01-t/03-c')?.starter).toBe('own feed');
		expect(resolveLessonTexts(raw, '01-t/01-a').shared).toEqual(['contracts/Feed.ts']);
		expect(resolveLessonTexts(raw, '01-t/03-c').shared).toEqual([]);
		// a shared file cannot be made editable in place
		raw['/lessons/01-t/01-a/index.md'] = lessonIndex().replace(
			'editable: [contracts/A.ts]',
			'editable: [contracts/A.ts, contracts/Feed.ts]'
		);
		expect(problemsOf(raw)).toContain(
			"lessons/01-t/01-a/index.md: contracts/Feed.ts is a shared read-only file of the track (lessons/01-t/contracts/Feed.ts); put a copy in this lesson's contracts/ to make it editable"
		);
	});

	test('rejects an unknown view id, naming it and the known ones', () => {
		const raw = fixture();
		raw['/lessons/01-t/01-a/index.md'] = lessonIndex().replace(
			'views: [receipts]',
			'views: [receipts, recipts]'
		);
		expect(problemsOf(raw)).toContain(
			`lessons/01-t/01-a/index.md: invalid frontmatter: views.1: unknown view id "recipts" (known views: ${VIEW_IDS.join(', ')})`
		);
		// every id the registry knows passes
		raw['/lessons/01-t/01-a/index.md'] = lessonIndex().replace(
			'views: [receipts]',
			`views: [${VIEW_IDS.join(', ')}]`
		);
		expect(buildCatalog(raw).lessons.get('01-t/01-a')?.views).toEqual([...VIEW_IDS]);
	});
});

describe('parseHints', () => {
	test('layers as a list, as --- blocks, or one block', () => {
		const hints = parseHints(
			'# Hints\n\nignored\n\n## list-check\n\n1. first\n2. second `code`\n\n## rule-check\n\nnudge\n\n---\n\nconcept\n\n---\n\n```ts\nanswer();\n```\n\n## single-check\n\nonly one\n',
			'hints.md'
		);
		expect(hints.map((h) => [h.checkId, h.layers.length])).toEqual([
			['list-check', 2],
			['rule-check', 3],
			['single-check', 1]
		]);
		expect(hints[0].layers[1]).toContain('<code>code</code>');
		expect(hints[1].layers[2]).toContain('answer();');
	});

	test('rejects bad ids, repeats and empty sections with the file name', () => {
		expect(() => parseHints('## Not An Id\nx\n', 'h.md')).toThrow(/^h\.md: .*not a check id/);
		expect(() => parseHints('## a\nx\n## a\ny\n', 'h.md')).toThrow(
			'check "a" has two hint sections'
		);
		expect(() => parseHints('## a\n\n## b\ny\n', 'h.md')).toThrow('check "a" has no hints');
	});
});

describe('renderMarkdown', () => {
	test('renders inline and display math, leaves prices and code alone', () => {
		const html = renderMarkdown(
			'Costs $10,000 and $6,000. $h = 1$.\n\n$$\nx^2\n$$\n\n`$a$`',
			'f.md'
		);
		expect(html).toContain('Costs $10,000 and $6,000.');
		expect(html.match(/class="katex"/g)).toHaveLength(2);
		expect(html).toContain('class="katex-display"');
		expect(html).toContain('<code>$a$</code>');
	});

	test('bad math names the file', () => {
		expect(() => renderMarkdown('bad $\\frac{a$ here', 'lessons/x/index.md')).toThrow(
			/^lessons\/x\/index\.md: math: /
		);
	});
});
