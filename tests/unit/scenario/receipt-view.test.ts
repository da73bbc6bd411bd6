import { describe, expect, test } from 'vitest';
import type { Receipt } from '#lib/scenario/engine.ts';
import { MAX_UINT256, toReceiptView, type ReceiptNames } from '#lib/scenario/receipt-view.ts';

const DAI = '0x' + 'd'.repeat(40);
const WETH = '0x' + 'e'.repeat(40);
const POOL = '0x' + 'a'.repeat(40);
const ALICE = '0x' + '1'.repeat(40);
const E18 = 10n ** 18n;

const names: ReceiptNames = {
	nameOf: (a) =>
		({ [DAI]: 'DAI', [WETH]: 'WETH', [POOL]: 'LendingPool', [ALICE]: 'alice' })[a.toLowerCase()],
	fileOf: () => undefined,
	assetOf: (a) =>
		({ [DAI]: { symbol: 'DAI', decimals: 18 }, [WETH]: { symbol: 'WETH', decimals: 18 } })[
			a.toLowerCase()
		]
};

function receipt(to: string, method: string, args: unknown[], extra: Partial<Receipt> = {}) {
	const r: Receipt = {
		status: 'success',
		gasUsed: 50_000,
		logs: [],
		returnValue: undefined,
		txHash: '0x01',
		blockNumber: 1,
		from: ALICE,
		to,
		method,
		args,
		chainId: 1,
		value: 0n,
		nonce: 0,
		gasLimit: 1e6,
		gasPrice: 0n,
		fee: 0n,
		included: true,
		...extra
	};
	return toReceiptView(r, names);
}

describe('token amounts in receipts', () => {
	test('integers sent to a token are amounts of that token; the raw integer stays in args', () => {
		const view = receipt(DAI, 'transfer', [POOL, 6000n * E18]);
		expect(view.args).toEqual(['LendingPool', '6000000000000000000000']);
		expect(view.argAmounts).toEqual([null, { units: '6000', symbol: 'DAI' }]);
	});

	test('elsewhere an integer is an amount of the nearest token address before it', () => {
		const view = receipt(POOL, 'liquidationCall', [WETH, DAI, ALICE, 1500n * E18]);
		expect(view.argAmounts?.[3]).toEqual({ units: '1500', symbol: 'DAI' });
		expect(receipt(POOL, 'healthFactor', [ALICE]).argAmounts).toBeUndefined();
		expect(receipt(POOL, 'setLtv', [8050n]).argAmounts).toBeUndefined();
	});

	test('MAX_UINT256 in an approval is an unlimited approval', () => {
		const view = receipt(WETH, 'approve', [POOL, MAX_UINT256]);
		expect(view.argAmounts?.[1]?.note).toBe('unlimited approval');
		expect(
			receipt(POOL, 'liquidationCall', [WETH, DAI, ALICE, MAX_UINT256]).argAmounts?.[3]
		).not.toHaveProperty('note');
	});

	test('event args and token return values', () => {
		const view = receipt(DAI, 'balanceOf', [ALICE], {
			returnValue: 5n * 10n ** 13n,
			logs: [{ address: DAI, event: 'Transfer', args: { from: ALICE, to: POOL, value: 2n * E18 } }]
		} as Partial<Receipt>);
		expect(view.returnAmount).toEqual({ units: '0.00005', symbol: 'DAI' });
		expect(view.logs[0].amounts).toEqual({ value: { units: '2', symbol: 'DAI' } });
		expect(view.logs[0].args.value).toBe('2000000000000000000');
	});
});

test('only the first integer after a token address is its amount; custom methods of a token too', () => {
	const view = receipt(POOL, 'borrow', [DAI, 10n * E18, 2n, 0n]);
	expect(view.argAmounts).toEqual([null, { units: '10', symbol: 'DAI' }, null, null]);
	// a token contract's own non-ERC-20 method: its nonce is not an amount
	expect(receipt(DAI, 'release', [ALICE, 10n * E18, 3n]).argAmounts).toBeUndefined();
	// a token's own mint(to, amount, nonce): the amount is the token's, the nonce stays a number
	expect(receipt(DAI, 'mint', [ALICE, 10n * E18, 3n]).argAmounts).toEqual([
		null,
		{ units: '10', symbol: 'DAI' },
		null
	]);
	expect(receipt(DAI, 'decimals', [], { returnValue: 18n }).returnAmount).toBeUndefined();
});

test('a price is about a token, not an amount of it', () => {
	const ORACLE = '0x' + 'f'.repeat(40);
	const view = receipt(ORACLE, 'setAssetPrice', [WETH, 9_518_000_000n], {
		logs: [
			{ address: ORACLE, event: 'AssetPriceUpdated', args: { asset: WETH, price: 9_518_000_000n } },
			{ address: POOL, event: 'Update', args: { asset: WETH, timestamp: 1_583_971_200n } }
		]
	} as Partial<Receipt>);
	expect(view.argAmounts).toBeUndefined();
	expect(view.logs.map((l) => l.amounts)).toEqual([undefined, undefined]);
});

test('an integer equal to a token amount the transaction moved is that amount', () => {
	const view = receipt(POOL, 'deposit', [5n * E18, 7n], {
		logs: [
			{ address: WETH, event: 'Transfer', args: { from: ALICE, to: POOL, value: 5n * E18 } },
			{ address: POOL, event: 'Supply', args: { user: ALICE, amount: 5n * E18, nonce: 5n * E18 } }
		]
	} as Partial<Receipt>);
	expect(view.argAmounts).toEqual([{ units: '5', symbol: 'WETH' }, null]);
	expect(view.logs[1].amounts).toEqual({ amount: { units: '5', symbol: 'WETH' } });
	// a reverted call moved nothing: its integers stay as they are
	expect(receipt(POOL, 'borrow', [6000n * E18], { status: 'reverted' }).argAmounts).toBeUndefined();
});

test("the view is read from the engine's receipt alone: chain, block, value, gas and error", () => {
	const view = receipt(POOL, 'borrow', [1n], {
		chainId: 2,
		blockNumber: 7,
		value: 5n * E18,
		gasLimit: 300_000,
		gasUsed: 300_000,
		status: 'reverted',
		error: { kind: 'out-of-gas', message: 'out of gas', line: 3, address: POOL }
	});
	expect(view).toMatchObject({
		chainId: 2,
		blockNumber: 7,
		value: '5000000000000000000',
		gasLimit: 300_000,
		gasUsed: 300_000,
		to: 'LendingPool',
		method: 'borrow'
	});
	expect(view.error).toMatchObject({ kind: 'out-of-gas', line: 3 });
});
