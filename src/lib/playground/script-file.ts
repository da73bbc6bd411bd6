/**
 * The workspace's script as a file (`workspace.json`: seed and actions), validated with valibot
 * whenever it is read back, from storage, a backup or a share link.
 */
import * as v from 'valibot';
import type { Action, WorkspaceScript } from './types.ts';

/** The script's file name inside a workspace. */
export const SCRIPT_FILE = 'workspace.json';

const name = v.pipe(v.string(), v.maxLength(200));
const chainId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000));
const arg = v.strictObject({
	type: v.picklist(['bigint', 'number', 'string', 'address', 'boolean', 'json']),
	text: v.pipe(v.string(), v.maxLength(10_000))
});
const action = v.variant('kind', [
	v.strictObject({
		kind: v.literal('token'),
		chainId,
		from: name,
		name,
		symbol: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,11}$/)),
		supply: name
	}),
	v.strictObject({
		kind: v.literal('deploy'),
		chainId,
		from: name,
		file: name,
		args: v.pipe(v.array(arg), v.maxLength(32))
	}),
	v.strictObject({
		kind: v.literal('send'),
		chainId,
		from: name,
		to: name,
		method: v.pipe(v.string(), v.regex(/^([A-Za-z_$][\w$]{0,63})?$/)),
		args: v.pipe(v.array(arg), v.maxLength(32)),
		value: name
	}),
	v.strictObject({
		kind: v.literal('mine'),
		chainId,
		blocks: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))
	})
]);
const schema = v.strictObject({
	version: v.literal(1),
	seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff)),
	actions: v.pipe(v.array(action), v.maxLength(2000))
});

/** The file text of a script (tab-indented JSON). */
export function writeScript(seed: number, actions: readonly Action[]): string {
	const script: WorkspaceScript = { version: 1, seed, actions: [...actions] };
	return `${JSON.stringify(script, null, '\t')}\n`;
}

/**
 * Reads a script file back.
 * @returns the script, or null when the text is not a valid script (the caller says so)
 */
export function readScript(text: string | undefined): WorkspaceScript | null {
	if (text === undefined) return null;
	try {
		const result = v.safeParse(schema, JSON.parse(text));
		return result.success ? (result.output as WorkspaceScript) : null;
	} catch {
		return null;
	}
}
