/**
 * Reading what the learner typed into the playground's forms: amounts (`1000`, `1_000`,
 * `2.5 ether`, `3 gwei`, `1e18`, `0x10`), numbers, booleans, JSON and addresses (an account
 * name, a contract name or 0x-hex). Every failure is an InputError whose message names the field.
 */
import type { ArgInput, ParamType } from './types.ts';

/** Bad input in a form field; the message is for the learner. */
export class InputError extends Error {
	override name = 'InputError';
}

const UNITS: Record<string, number> = { wei: 0, gwei: 9, ether: 18, eth: 18 };

/**
 * An amount in the smallest unit from text: digits (underscores allowed), optional decimals with
 * a unit (`2.5 ether`, `3 gwei`; 1 ether = 10^18 wei), scientific notation (`1e18`) or hex.
 * @param defaultUnit unit assumed when none is written (`wei` for arguments, `ether` for values)
 * @throws InputError when the text is not such an amount, or has more decimals than the unit
 */
export function parseAmount(text: string, defaultUnit: keyof typeof UNITS = 'wei'): bigint {
	const t = text.trim().replaceAll('_', '').replaceAll(',', '');
	if (/^-?0x[0-9a-f]+$/i.test(t)) return BigInt(t);
	const m = /^(-?)(\d+)(?:\.(\d+))?(?:e(\d+))?\s*([a-z]*)$/i.exec(t);
	if (!m) throw new InputError(`"${text}" is not an amount (try 1000, 2.5 ether or 1e18)`);
	const unit = m[5].toLowerCase() || defaultUnit;
	if (!(unit in UNITS)) throw new InputError(`"${m[5]}" is not a unit (use wei, gwei or ether)`);
	const decimals = UNITS[unit] + Number(m[4] ?? 0);
	const fraction = m[3] ?? '';
	if (fraction.length > decimals) {
		throw new InputError(`"${text}" has more decimals than ${unit} allows`);
	}
	const value = BigInt(m[2] + fraction.padEnd(decimals, '0'));
	return m[1] === '-' ? -value : value;
}

/**
 * One argument as the contract receives it.
 * @param resolve turns an account or contract name (or 0x-address) into an address
 * @throws InputError naming `label` when the text does not fit the type
 */
export function readArg(
	input: ArgInput,
	label: string,
	resolve: (name: string) => string
): unknown {
	const text = input.text.trim();
	try {
		switch (input.type) {
			case 'bigint':
				return parseAmount(text);
			case 'number': {
				const n = Number(text);
				if (text === '' || !Number.isFinite(n)) throw new InputError('a number is needed');
				return n;
			}
			case 'boolean':
				if (text !== 'true' && text !== 'false') throw new InputError('write true or false');
				return text === 'true';
			case 'address':
				if (text === '') throw new InputError('an account, a contract or an address is needed');
				return resolve(text);
			case 'string':
				return input.text;
			case 'json':
				return JSON.parse(text);
		}
	} catch (error) {
		const why = error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message;
		throw new InputError(`${label}: ${why}`);
	}
}

/** A placeholder for an argument field of this type. */
export function placeholder(type: ParamType): string {
	return {
		bigint: 'e.g. 1000 or 2.5 ether',
		number: 'a number',
		string: 'text',
		address: 'alice, a contract, or 0x…',
		boolean: 'true or false',
		json: 'JSON, e.g. [1, 2]'
	}[type];
}
