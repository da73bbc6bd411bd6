/**
 * Engine receipt -> ReceiptView (protocol.ts): plain strings for the console, names for known
 * addresses, the failing line blamed on the lesson file the contract came from, and which values
 * are token amounts (so the page can show "6,000 DAI" beside the raw integer).
 */
import type { AmountView, CallView, LogView, ReceiptView } from '#lib/model/receipt.ts';
import type { CallFrame, Receipt } from './engine.ts';
import { toSourceError } from './errors.ts';
import { formatUnits, formatValue, type NameBook } from './format.ts';

/** A token known to the run: its symbol and decimals. */
export type TokenInfo = { symbol: string; decimals: number };

/**
 * Names plus the lesson file each contract was deployed from, and (optionally) which addresses
 * are tokens.
 */
export type ReceiptNames = NameBook & {
	fileOf(address: string): string | undefined;
	assetOf?(address: string): TokenInfo | undefined;
};

/** 2^256 - 1, the "no limit" value of approvals (and of Aave's debtToCover). */
export const MAX_UINT256 = 2n ** 256n - 1n;

/** Methods and events whose MAX_UINT256 amount means "no limit on spending". */
const APPROVALS = /^(approve|increaseAllowance|permit|Approval)$/;

function amountOf(value: bigint, token: TokenInfo, method: string): AmountView {
	const view: AmountView = { units: formatUnits(value, token.decimals), symbol: token.symbol };
	if (value === MAX_UINT256 && APPROVALS.test(method)) view.note = 'unlimited approval';
	return view;
}

/**
 * ERC-20 methods and events whose one integer is an amount of the token itself (a contract's own
 * `mint(to, amount, nonce)` has more: only the first, outside fields named for a nonce, counts).
 */
const ERC20 =
	/^(transfer|transferFrom|approve|increaseAllowance|decreaseAllowance|mint|burn|balanceOf|allowance|totalSupply|Transfer|Approval)$/;

/** Methods, events and event fields whose integers are not token amounts. */
const NOT_AMOUNT = /price|rate|time|nonce|round|factor|^id$|decimals/i;

/**
 * Which of `values` are token amounts. The integers of a token's own ERC-20 methods and events are
 * amounts of that token (`transfer(to, amount)`, `Transfer(from, to, value)`); elsewhere the
 * first integer after a token address is an amount of that token (`borrow(asset, amount)`,
 * `liquidationCall(collateral, debt, user, debtToCover)` -> the debt asset) and other integers
 * are left alone (a nonce, a deadline, a ratio), as are the integers of methods, events and
 * event fields named for a price, rate, time, nonce, round or factor (`setAssetPrice(asset, price)`).
 * @param keys the event's field names, in the order of `values`
 * @returns one entry per value, null where it is not an amount
 */
export function tokenAmounts(
	values: unknown[],
	self: TokenInfo | undefined,
	method: string,
	names: ReceiptNames,
	keys?: string[]
): (AmountView | null)[] {
	if (self && ERC20.test(method)) {
		let seen = false;
		return values.map((v, i) => {
			if (typeof v !== 'bigint' || seen || NOT_AMOUNT.test(keys?.[i] ?? '')) return null;
			seen = true;
			return amountOf(v, self, method);
		});
	}
	// an asset's price, a rate or a time is about the token but not an amount of it
	if (NOT_AMOUNT.test(method)) return values.map(() => null);
	let token: TokenInfo | undefined;
	return values.map((value, i) => {
		if (typeof value === 'string') {
			token = names.assetOf?.(value) ?? token;
			return null;
		}
		if (typeof value !== 'bigint' || !token || NOT_AMOUNT.test(keys?.[i] ?? '')) return null;
		const amount = amountOf(value, token, method);
		token = undefined;
		return amount;
	});
}

/**
 * The token amounts a transaction moved: every integer of a token's own Transfer event, by its
 * decimal string. An integer elsewhere in the same receipt equal to one of them (`deposit(5e18)`
 * beside `WETH.Transfer(..., 5e18)`) is that amount of that token.
 */
function movedAmounts(receipt: Receipt, names: ReceiptNames): Map<string, TokenInfo> {
	const moved = new Map<string, TokenInfo>();
	for (const log of receipt.logs) {
		const token = names.assetOf?.(log.address);
		if (!token || log.event !== 'Transfer') continue;
		for (const value of Object.values(log.args)) {
			if (typeof value === 'bigint' && value > 0n) moved.set(value.toString(), token);
		}
	}
	return moved;
}

/** Fills the gaps of `found` with amounts the transaction moved (see movedAmounts). */
function withMoved(
	values: unknown[],
	found: (AmountView | null)[],
	moved: Map<string, TokenInfo>,
	method: string,
	keys?: string[]
): (AmountView | null)[] {
	if (moved.size === 0 || NOT_AMOUNT.test(method)) return found;
	return found.map((amount, i) => {
		const value = values[i];
		if (amount || typeof value !== 'bigint' || NOT_AMOUNT.test(keys?.[i] ?? '')) return amount;
		const token = moved.get(value.toString());
		return token ? amountOf(value, token, method) : null;
	});
}

/**
 * Format one receipt.
 * @param receipt the engine's receipt (sender, target, method, arguments, value, gas limit and
 *   chain are read from it)
 * @param names address -> name and address -> file lookups
 */
export function toReceiptView(receipt: Receipt, names: ReceiptNames): ReceiptView {
	const { to, from, method } = receipt;
	const moved = movedAmounts(receipt, names);
	const logs: LogView[] = receipt.logs.map((log) => {
		const args: Record<string, string> = {};
		const entries = Object.entries(log.args);
		for (const [key, value] of entries) args[key] = formatValue(value, names);
		const view: LogView = { address: log.address, event: log.event, args };
		const contract = names.nameOf(log.address);
		if (contract) view.contract = contract;
		const values = entries.map(([, value]) => value);
		const keys = entries.map(([key]) => key);
		const found = withMoved(
			values,
			tokenAmounts(values, names.assetOf?.(log.address), log.event, names, keys),
			moved,
			log.event,
			keys
		);
		const amounts = Object.fromEntries(
			entries.flatMap(([key], i) => (found[i] ? [[key, found[i]]] : []))
		);
		if (Object.keys(amounts).length) view.amounts = amounts;
		return view;
	});
	const rawArgs = receipt.args;
	const self = names.assetOf?.(to);
	const view: ReceiptView = {
		txHash: receipt.txHash,
		chainId: receipt.chainId,
		blockNumber: receipt.blockNumber,
		from: names.nameOf(from) ?? from,
		to: names.nameOf(to) ?? to,
		method,
		args: rawArgs.map((arg) => formatValue(arg, names)),
		value: receipt.value.toString(),
		status: receipt.status,
		gasUsed: receipt.gasUsed,
		gasLimit: receipt.gasLimit,
		logs
	};
	const argAmounts = withMoved(rawArgs, tokenAmounts(rawArgs, self, method, names), moved, method);
	if (argAmounts.some((a) => a !== null)) view.argAmounts = argAmounts;
	if (receipt.status === 'success' && receipt.returnValue !== undefined) {
		view.returnValue = formatValue(receipt.returnValue, names);
		if (self && typeof receipt.returnValue === 'bigint' && ERC20.test(method)) {
			view.returnAmount = amountOf(receipt.returnValue, self, method);
		}
	}
	if (receipt.calls && receipt.calls.length > 0) view.calls = callViews(receipt.calls, names);
	if (receipt.error) {
		// blame the innermost contract that failed when the engine says which one it was
		const at = receipt.error.address ?? to;
		view.error = toSourceError(receipt.error, names.fileOf(at));
	}
	return view;
}

/** The call trace of a receipt for display: names for addresses, amounts as decimal strings. */
export function callViews(calls: readonly CallFrame[], names: ReceiptNames): CallView[] {
	const name = (a: string) => names.nameOf(a) ?? a;
	return calls.map((c) => {
		const view: CallView = {
			depth: c.depth,
			parent: c.parent,
			caller: name(c.caller),
			callee: name(c.callee),
			method: c.method,
			value: c.value.toString(),
			balanceIn: c.balanceIn.toString(),
			balanceOut: c.balanceOut.toString(),
			status: c.status,
			gasUsed: c.gasUsed
		};
		if (c.error) view.reason = c.error.message;
		if (c.tokens)
			view.tokens = c.tokens.map((t) => ({
				token: name(t.token),
				balanceIn: t.balanceIn.toString(),
				balanceOut: t.balanceOut.toString()
			}));
		return view;
	});
}
