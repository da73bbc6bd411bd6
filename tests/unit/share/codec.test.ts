import { describe, expect, it } from 'vitest';
import {
	MAX_SHARE_BYTES,
	MAX_TOKEN_CHARS,
	ShareLinkError,
	decodeShareToken,
	encodeShareToken,
	readShareLink,
	shareTokenOf,
	shareUrl,
	sharedCopyConflicts,
	withoutShare,
	type SharedState
} from '#lib/share/index.ts';
import { deflateRaw, fromBase64Url, toBase64Url } from '#lib/share/bytes.ts';

const LESSON = '02-lending/03-liquidation-call';
const PAGE = 'https://chainlab.example/learn/02-lending/03-liquidation-call';

const state: SharedState = {
	lessonId: LESSON,
	sources: {
		'contracts/LendingPool.ts':
			'export default class LendingPool extends Contract {\n\t// ünïcödé ✓ 清算 🚀\n}\n',
		'contracts/Oracle.ts': 'export default class Oracle extends Contract {}\n'
	},
	seed: 42,
	step: 17,
	stateHash: '0x' + 'ab'.repeat(32)
};

/** A token made of an arbitrary JSON value, bypassing the encoder's own validation. */
async function tokenOf(value: unknown): Promise<string> {
	const bytes = new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
	return `1.${toBase64Url(await deflateRaw(bytes))}`;
}

/** Runs `promise`, expecting a ShareLinkError; returns it. */
async function failure(promise: Promise<unknown>): Promise<ShareLinkError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(ShareLinkError);
		const e = error as ShareLinkError;
		expect(e.message.length).toBeGreaterThan(20);
		expect(e.message.length).toBeLessThan(300);
		return e;
	}
	throw new Error('expected a ShareLinkError');
}

describe('base64url', () => {
	it('round-trips every length and byte value', () => {
		for (let n = 0; n < 70; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 0xff);
			const text = toBase64Url(bytes);
			expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
			expect(text).toBe(Buffer.from(bytes).toString('base64url'));
			expect(fromBase64Url(text)).toEqual(bytes);
		}
	});

	it('refuses foreign characters and impossible lengths', () => {
		expect(fromBase64Url('ab+c')).toBeNull();
		expect(fromBase64Url('abc=')).toBeNull();
		expect(fromBase64Url('abcde')).toBeNull();
	});
});

describe('share tokens', () => {
	it('decode to exactly the state that was encoded', async () => {
		const token = await encodeShareToken(state);
		expect(token).toMatch(/^1\.[A-Za-z0-9_-]+$/);
		const back = await decodeShareToken(token);
		expect(back).toEqual(state);
		expect(Object.getPrototypeOf(back.sources)).toBe(Object.prototype);
	});

	it('are deterministic whatever the order of the files', async () => {
		const reversed = {
			...state,
			sources: Object.fromEntries(Object.entries(state.sources).reverse())
		};
		expect(await encodeShareToken(reversed)).toBe(await encodeShareToken(state));
	});

	it('compress repetitive code well below its size', async () => {
		const big = {
			...state,
			sources: { 'contracts/Big.ts': 'this.total.set(this.total.get() + 1n);\n'.repeat(1000) }
		};
		const token = await encodeShareToken(big);
		expect(token.length).toBeLessThan(2000);
		expect((await decodeShareToken(token)).sources['contracts/Big.ts']).toBe(
			big.sources['contracts/Big.ts']
		);
	});

	it('keep the optional state hash optional', async () => {
		const { stateHash: _omit, ...plain } = state;
		const back = await decodeShareToken(await encodeShareToken(plain));
		expect(back.stateHash).toBeUndefined();
		expect(back.step).toBe(17);
	});

	it('refuse to make a link for more than 64 KB of files', async () => {
		const huge = { ...state, sources: { 'contracts/Huge.ts': 'x'.repeat(MAX_SHARE_BYTES) } };
		const e = await failure(encodeShareToken(huge));
		expect(e.code).toBe('too-large');
		expect(e.message).toMatch(/Export/);
	});

	it('refuse to make a link for a state a link cannot carry', async () => {
		expect((await failure(encodeShareToken({ ...state, seed: -1 }))).code).toBe('invalid');
		expect((await failure(encodeShareToken({ ...state, step: 1.5 }))).code).toBe('invalid');
		expect((await failure(encodeShareToken({ ...state, lessonId: 'Not A Lesson' }))).code).toBe(
			'invalid'
		);
	});
});

describe('bad links get a clear error', () => {
	it('empty', async () => {
		expect((await failure(decodeShareToken('  '))).code).toBe('empty');
	});

	it('not a token at all', async () => {
		expect((await failure(decodeShareToken('hello world'))).code).toBe('format');
		expect((await failure(decodeShareToken('1.abc$%^'))).code).toBe('format');
	});

	it('from a newer or older format', async () => {
		const token = await encodeShareToken(state);
		expect((await failure(decodeShareToken(token.replace(/^1\./, '2.')))).message).toMatch(
			/newer version/
		);
		expect((await failure(decodeShareToken(token.replace(/^1\./, '0.')))).code).toBe('version');
		const e = await failure(
			decodeShareToken(await tokenOf({ v: 9, l: LESSON, f: {}, s: 1, t: 0 }))
		);
		expect(e.code).toBe('version');
	});

	it('truncated anywhere', async () => {
		const token = await encodeShareToken(state);
		for (let cut = 3; cut < token.length; cut += 1) {
			const e = await failure(decodeShareToken(token.slice(0, cut)));
			// a cut link is either incomplete DEFLATE or (rarely) JSON cut short: never accepted
			expect(['truncated', 'invalid']).toContain(e.code);
		}
		expect((await failure(decodeShareToken(token.slice(0, token.length - 5)))).code).toBe(
			'truncated'
		);
	});

	it('junk after the end of the compressed data is refused (as Chromium does), on every platform', async () => {
		const token = await encodeShareToken(state);
		expect((await decodeShareToken(token)).seed).toBe(42);
		// four base64url characters always append three whole bytes, whatever the token's length
		for (const junk of ['AAAA', 'AQID', '__8A']) {
			const e = await failure(decodeShareToken(token + junk));
			expect(e.code).toBe('invalid');
			expect(e.message).toMatch(/extra characters after its end/);
		}
		for (const junk of ['A', 'AA', '_w']) {
			const e = await failure(decodeShareToken(token + junk));
			expect(['invalid', 'truncated', 'format']).toContain(e.code);
		}
	});

	it('damaged in the middle', async () => {
		const token = await encodeShareToken(state);
		const mid = Math.floor(token.length / 2);
		const flipped = token.slice(0, mid) + (token[mid] === 'A' ? 'B' : 'A') + token.slice(mid + 1);
		const e = await failure(decodeShareToken(flipped));
		expect(['truncated', 'invalid']).toContain(e.code);
	});

	it('too long to even unpack', async () => {
		const e = await failure(decodeShareToken('1.' + 'A'.repeat(MAX_TOKEN_CHARS)));
		expect(e.code).toBe('too-large');
	});

	it('a small link that unpacks to more than 64 KB (a compression bomb)', async () => {
		const bomb = await tokenOf(' '.repeat(10 * MAX_SHARE_BYTES));
		expect(bomb.length).toBeLessThan(2000);
		const e = await failure(decodeShareToken(bomb));
		expect(e.code).toBe('too-large');
		expect(e.message).toMatch(/64 KB/);
	});

	it('not JSON, or not UTF-8', async () => {
		expect((await failure(decodeShareToken(await tokenOf('{"v":1,')))).code).toBe('invalid');
		const latin1 = `1.${toBase64Url(await deflateRaw(Uint8Array.of(0xff, 0xfe, 0x7b)))}`;
		expect((await failure(decodeShareToken(latin1))).code).toBe('invalid');
	});

	it('wrong shapes', async () => {
		const good = { v: 1, l: LESSON, f: { 'contracts/A.ts': 'x' }, s: 1, t: 0 };
		const bad: unknown[] = [
			null,
			[],
			42,
			{ ...good, f: ['x'] },
			{ ...good, f: { 'contracts/A.ts': 7 } },
			{ ...good, s: '42' },
			{ ...good, s: 2 ** 32 },
			{ ...good, t: -1 },
			{ ...good, h: '<b>hash</b>' },
			{ ...good, extra: true },
			{ ...good, f: { '../../etc/passwd': 'x' } },
			{ ...good, f: { '<img src=x onerror=alert(1)>.ts': 'x' } }
		];
		for (const value of bad) {
			const e = await failure(decodeShareToken(await tokenOf(value)));
			expect(e.code).toBe('invalid');
			expect(e.message).not.toMatch(/<img|<b>/);
		}
	});

	it('prototype-pollution keys', async () => {
		const json = `{"v":1,"l":"${LESSON}","f":{"__proto__":{"polluted":"yes"}},"s":1,"t":0}`;
		const e = await failure(decodeShareToken(await tokenOf(json)));
		expect(e.code).toBe('invalid');
		expect(e.message).toMatch(/__proto__/);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('markup in file contents stays plain text', async () => {
		const script = '</script><script>alert(document.cookie)</script><img src=x onerror=alert(1)>';
		const back = await decodeShareToken(
			await encodeShareToken({ ...state, sources: { 'contracts/LendingPool.ts': script } })
		);
		expect(back.sources['contracts/LendingPool.ts']).toBe(script);
	});

	it('for a lesson this build does not have, or another lesson than the page', async () => {
		const token = await encodeShareToken(state);
		const unknown = await failure(
			decodeShareToken(token, { lessonIds: ['01-foundations/01-first-transaction'] })
		);
		expect(unknown.code).toBe('unknown-lesson');
		expect(unknown.message).toContain(LESSON);
		const wrong = await failure(
			decodeShareToken(token, { lessonId: '02-lending/01-borrow-against-collateral' })
		);
		expect(wrong.code).toBe('wrong-lesson');
		const files = await failure(decodeShareToken(token, { paths: ['contracts/LendingPool.ts'] }));
		expect(files.message).toContain('contracts/Oracle.ts');
		expect(
			await decodeShareToken(token, {
				lessonIds: [LESSON],
				lessonId: LESSON,
				paths: Object.keys(state.sources)
			})
		).toEqual(state);
	});
});

describe('share URLs', () => {
	it('carry the token in the fragment and read back', async () => {
		const link = await shareUrl(`${PAGE}?x=1#old`, state);
		const url = new URL(link);
		expect(url.pathname).toBe('/learn/02-lending/03-liquidation-call');
		expect(url.search).toBe('?x=1');
		expect(url.hash).toMatch(/^#share=1\./);
		expect(await readShareLink(link, { lessonId: LESSON })).toEqual(state);
		expect(withoutShare(link)).toBe(`${PAGE}?x=1`);
	});

	it('tell "no share link" apart from an empty one', async () => {
		expect(shareTokenOf(PAGE)).toBeNull();
		expect(shareTokenOf(`${PAGE}#section-2`)).toBeNull();
		expect(await readShareLink(`${PAGE}#section-2`)).toBeNull();
		expect((await failure(readShareLink(`${PAGE}#share=`))).code).toBe('empty');
	});

	it('report which own drafts a shared copy would replace', () => {
		expect(sharedCopyConflicts(state, {})).toEqual({ differs: [] });
		expect(
			sharedCopyConflicts(state, { 'contracts/Oracle.ts': state.sources['contracts/Oracle.ts'] })
		).toEqual({ differs: [] });
		expect(
			sharedCopyConflicts(state, {
				'contracts/Oracle.ts': 'mine',
				'contracts/LendingPool.ts': 'mine too'
			})
		).toEqual({
			differs: ['contracts/LendingPool.ts', 'contracts/Oracle.ts']
		});
	});
});
