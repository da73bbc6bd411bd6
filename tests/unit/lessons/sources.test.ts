/**
 * Lesson sources are primary (a protocol file at a version or commit, a paper, a dated report),
 * never this project's own notes or code (LESSONS.md: "never our own reference notes").
 */
import { describe, expect, test } from 'vitest';
import { getLesson, lessonIds } from '#lib/lessons/catalog.ts';

/** the project's internal documents and code, by the names a citation would use */
const INTERNAL: [RegExp, string][] = [
	[/\b(DEFI|AMM|BRIDGES|GOVERNANCE|INSURANCE|SYSTEMS)\.md\b/i, 'a reference note of this project'],
	[/\b(ARCHITECTURE|LESSONS|STYLE)\.md\b/i, 'a team document of this project'],
	[/\bshared\/(docs|reference)\b/i, 'a team folder of this project'],
	[/\bsrc\/lib\//, 'this project’s own code'],
	[/\bChainlab\b/i, 'this project itself'],
	[/\b(our|internal) (reference )?notes?\b/i, 'internal notes']
];

/** Why `source` is not a primary source, or null when it names none of the internal documents. */
function internalReason(source: string): string | null {
	for (const [pattern, why] of INTERNAL) if (pattern.test(source)) return why;
	return null;
}

describe('the rule itself', () => {
	test('flags internal documents and lets primary sources through', () => {
		expect(internalReason('Cheater survival 2^-k (Chainlab DEFI.md section 5)')).not.toBeNull();
		expect(internalReason('see DEFI.md, section 1')).not.toBeNull();
		expect(internalReason('reference model src/lib/protocols/commitment.ts')).not.toBeNull();
		expect(internalReason('our reference notes on bridges')).not.toBeNull();
		expect(internalReason('Aave v3 LiquidationLogic.sol 54-68, v3.0-v3.2')).toBeNull();
		expect(internalReason('C. P. Schnorr, Journal of Cryptology 4(3), 1991')).toBeNull();
	});
});

describe.each(lessonIds)('%s', (id) => {
	test('cites no internal document of this project', () => {
		const sources = getLesson(id)!.sources ?? [];
		const bad = sources
			.map((source) => ({ source, why: internalReason(source) }))
			.filter((s) => s.why !== null);
		expect(bad, 'cite the protocol file at a version, the paper or the dated report').toEqual([]);
	});
});
