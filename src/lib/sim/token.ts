/**
 * The built-in ERC-20 token (EIP-20, 18 decimals), run by the host instead of the sandbox but
 * charged like a contract: every balance and allowance read and write costs the storage gas of the
 * schedule, every event the log gas. Semantics and revert reasons follow OpenZeppelin's ERC20.sol
 * v4.9 (an allowance of 2^256 - 1 is infinite and never decreases).
 *
 * Storage layout, readable through chain.storage(token): StorageMap 'balances' (address -> bigint),
 * StorageMap 'allowances' (`${owner},${spender}` -> bigint), StorageValue 'totalSupply'.
 */
import { ZERO_ADDRESS, isAddress } from './accounts.ts';
import { decodeArgs, decodeValue, encodeValue } from './codec.ts';
import type { Access, Outcome } from './access.ts';
import type { ChainState } from './state.ts';
import type { TokenRecord } from './types.ts';

/** 2^256 - 1: an allowance that never runs out. */
export const MAX_UINT256 = 2n ** 256n - 1n;

const SEP = '\u0001';
const BALANCES = 'mbalances\u0001s';
const ALLOWANCES = 'mallowances\u0001s';
const SUPPLY = 'vtotalSupply';

/** Storage slot of `account`'s balance in a built-in token. */
export function balanceSlot(account: string): string {
	return BALANCES + account;
}

const ok = (value: unknown): Outcome => ({ ok: true, value: encodeValue(value, 'token result') });

type Failure = { failure: Outcome };
const revert = (token: string, message: string): Failure => ({
	failure: { ok: false, failure: { kind: 'revert', message, address: token } }
});
const misuse = (token: string, message: string): Failure => ({
	failure: {
		ok: false,
		failure: { kind: 'runtime', message: `TypeError: ${message}`, address: token }
	}
});

function amountOf(text: string | undefined): bigint {
	return text === undefined ? 0n : (decodeValue(text) as bigint);
}

function transferEvent(from: string, to: string, value: bigint): string {
	return `ofrom${SEP}s${from}${SEP}to${SEP}s${to}${SEP}value${SEP}n${value}${SEP}`;
}

/** Runs one method of the built-in token at `token` for `sender`. */
export function tokenCall(
	run: Access,
	token: string,
	record: TokenRecord,
	method: string | null,
	argsText: string,
	sender: string,
	value: bigint
): Outcome {
	const where = `${record.symbol} (built-in ERC-20)`;
	if (method === null || value > 0n)
		return {
			ok: false,
			failure: { kind: 'revert', message: `${where} does not accept native coin`, address: token }
		};
	let args: unknown[];
	try {
		args = decodeArgs(argsText);
	} catch {
		return {
			ok: false,
			failure: { kind: 'runtime', message: `${where}: arguments could not be read`, address: token }
		};
	}
	const address = (i: number, call: string, name: string): string => {
		const a = args[i];
		if (!isAddress(a)) throw misuse(token, `${call}: ${name} must be an address, got ${String(a)}`);
		return a.toLowerCase();
	};
	const amount = (i: number, call: string): bigint => {
		const a = args[i];
		if (typeof a !== 'bigint')
			throw misuse(
				token,
				`${call}: amount must be a bigint such as 10n ** 18n, got ${typeof a === 'string' ? JSON.stringify(a) : String(a)}`
			);
		if (a < 0n || a > MAX_UINT256)
			throw misuse(token, `${call}: amount must be between 0 and 2^256 - 1, got ${a}`);
		return a;
	};
	const balance = (who: string) => amountOf(run.read(token, BALANCES + who));
	const move = (from: string, to: string, amt: bigint) => {
		if (to === ZERO_ADDRESS) throw revert(token, 'ERC20: transfer to the zero address');
		const have = balance(from);
		if (have < amt) throw revert(token, 'ERC20: transfer amount exceeds balance');
		run.write(token, BALANCES + from, have - amt === 0n ? undefined : 'n' + (have - amt));
		run.write(token, BALANCES + to, 'n' + (balance(to) + amt));
		run.emit(token, 'Transfer', transferEvent(from, to, amt));
	};
	try {
		switch (method) {
			case 'name':
				return ok(record.name);
			case 'symbol':
				return ok(record.symbol);
			case 'decimals':
				return ok(record.decimals);
			case 'totalSupply':
				return ok(amountOf(run.read(token, SUPPLY)));
			case 'balanceOf':
				return ok(balance(address(0, 'balanceOf(account)', 'account')));
			case 'allowance':
				return ok(
					amountOf(
						run.read(
							token,
							ALLOWANCES +
								address(0, 'allowance(owner, spender)', 'owner') +
								',' +
								address(1, 'allowance(owner, spender)', 'spender')
						)
					)
				);
			case 'transfer': {
				const to = address(0, 'transfer(to, amount)', 'to');
				move(sender, to, amount(1, 'transfer(to, amount)'));
				return ok(true);
			}
			case 'approve': {
				const spender = address(0, 'approve(spender, amount)', 'spender');
				const amt = amount(1, 'approve(spender, amount)');
				if (spender === ZERO_ADDRESS) throw revert(token, 'ERC20: approve to the zero address');
				run.write(token, ALLOWANCES + sender + ',' + spender, amt === 0n ? undefined : 'n' + amt);
				run.emit(
					token,
					'Approval',
					`oowner${SEP}s${sender}${SEP}spender${SEP}s${spender}${SEP}value${SEP}n${amt}${SEP}`
				);
				return ok(true);
			}
			case 'transferFrom': {
				const call = 'transferFrom(from, to, amount)';
				const from = address(0, call, 'from');
				const to = address(1, call, 'to');
				const amt = amount(2, call);
				const slot = ALLOWANCES + from + ',' + sender;
				const allowed = amountOf(run.read(token, slot));
				if (allowed !== MAX_UINT256) {
					if (allowed < amt) throw revert(token, 'ERC20: insufficient allowance');
					run.write(token, slot, allowed - amt === 0n ? undefined : 'n' + (allowed - amt));
				}
				move(from, to, amt);
				return ok(true);
			}
			default:
				return {
					ok: false,
					failure: {
						kind: 'runtime',
						message: `${where} has no method '${method}'`,
						address: token
					}
				};
		}
	} catch (error) {
		if (error !== null && typeof error === 'object' && 'failure' in error)
			return (error as Failure).failure;
		throw error;
	}
}

/** Mints `amount` to `to` without a transaction or gas (setup only; see Chain.mint). */
export function mintDirect(state: ChainState, token: string, to: string, amount: bigint): void {
	const key = 's' + token + BALANCES + to;
	const supplyKey = 's' + token + SUPPLY;
	state.set(key, 'n' + (amountOf(state.get(key) as string | undefined) + amount));
	state.set(supplyKey, 'n' + (amountOf(state.get(supplyKey) as string | undefined) + amount));
}

/** Mints inside a transaction (deployToken's initial supply), with gas and a Transfer event. */
export function mintInRun(run: Access, token: string, to: string, amount: bigint): void {
	run.write(token, BALANCES + to, 'n' + (amountOf(run.read(token, BALANCES + to)) + amount));
	run.write(token, SUPPLY, 'n' + (amountOf(run.read(token, SUPPLY)) + amount));
	run.emit(token, 'Transfer', transferEvent(ZERO_ADDRESS, to, amount));
}
