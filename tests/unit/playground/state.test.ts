// The playground page's state without a browser: the forms' ABIs come from the worker's session
// when a workspace opens and after edits (debounced), and a file that stops parsing keeps its
// last good ABI.
import { describe, expect, test } from 'vitest';
import { PlaygroundSession } from '#lib/playground/session.ts';
import { PlaygroundState } from '#lib/playground/state.svelte.ts';
import { DraftStore } from '#lib/storage/drafts.ts';
import { freshDb } from '../storage/helpers.ts';

const VAULT = 'contracts/Vault.ts';
const methodsOf = (ps: PlaygroundState, path: string) => ps.abis[path]?.methods.map((m) => m.name);

/** A state on the real playground session; it counts the ABI reads asked of the worker. */
async function opened() {
	const session = new PlaygroundSession();
	const asked: Record<string, string>[] = [];
	const client = {
		run: session.run.bind(session),
		goto: session.goto.bind(session),
		read: session.read.bind(session),
		abi: (sources: Record<string, string>) => {
			asked.push(sources);
			return session.abi(sources);
		}
	};
	const ps = new PlaygroundState();
	const drafts = new DraftStore({ db: freshDb(), journal: null, delayMs: 0 });
	await ps.attach({ client, drafts, confirm: async () => true, abiDelayMs: 20 }, 'one-chain');
	return { ps, asked };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('the forms read the ABIs the worker reads', () => {
	test('opening a workspace reads the ABI of each file', async () => {
		const { ps, asked } = await opened();
		expect(asked).toHaveLength(1);
		expect(Object.keys(ps.abis).sort()).toEqual([...ps.paths].sort());
		expect(methodsOf(ps, VAULT)).toContain('deposit');
	});

	test('edits are read once typing pauses; a file that stops parsing keeps its last ABI', async () => {
		const { ps, asked } = await opened();
		const text = ps.sources[VAULT];
		const added = text.replace(/\n}\s*$/, '\n\tping(n: bigint): bigint { return n; }\n}\n');
		expect(added).not.toBe(text);
		ps.edit(VAULT, added.replace('ping(n', 'pin(n'));
		ps.edit(VAULT, added);
		expect(asked).toHaveLength(1);
		await settled();
		expect(asked).toHaveLength(2);
		expect(ps.abis[VAULT]?.methods.at(-1)).toEqual({
			name: 'ping',
			params: [{ name: 'n', ts: 'bigint', type: 'bigint' }],
			returns: 'bigint'
		});
		const good = ps.abis[VAULT];
		ps.edit(VAULT, added.replace('ping(n: bigint)', 'ping(n: bigint'));
		await settled();
		expect(asked).toHaveLength(3);
		expect(ps.abis[VAULT]).toBe(good);
	});

	test('a new file gets its ABI at once; a deleted one loses it', async () => {
		const { ps } = await opened();
		expect(ps.newFile('Auction')).toBeNull();
		await settled();
		expect(methodsOf(ps, 'contracts/Auction.ts')).toEqual(['hello']);
		await ps.deleteFile('contracts/Auction.ts');
		expect(ps.abis['contracts/Auction.ts']).toBeUndefined();
	});
});
