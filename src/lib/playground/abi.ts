/**
 * The ABI of the built-in ERC-20 token (sim/token.ts, native: there is no source to read);
 * the contract files' ABIs come from the worker (scenario/abi.ts, through PlaygroundState.abis).
 */
import type { Abi, Param, ParamType } from './types.ts';

const p = (name: string, type: ParamType, ts: string): Param => ({ name, type, ts });

/** The built-in ERC-20's methods (18 decimals). */
export const TOKEN_ABI: Abi = {
	className: 'Token',
	constructorParams: [],
	methods: [
		{ name: 'balanceOf', params: [p('account', 'address', 'string')], returns: 'bigint' },
		{
			name: 'transfer',
			params: [p('to', 'address', 'string'), p('amount', 'bigint', 'bigint')],
			returns: 'boolean'
		},
		{
			name: 'approve',
			params: [p('spender', 'address', 'string'), p('amount', 'bigint', 'bigint')],
			returns: 'boolean'
		},
		{
			name: 'transferFrom',
			params: [
				p('from', 'address', 'string'),
				p('to', 'address', 'string'),
				p('amount', 'bigint', 'bigint')
			],
			returns: 'boolean'
		},
		{
			name: 'allowance',
			params: [p('owner', 'address', 'string'), p('spender', 'address', 'string')],
			returns: 'bigint'
		},
		{ name: 'totalSupply', params: [], returns: 'bigint' },
		{ name: 'name', params: [], returns: 'string' },
		{ name: 'symbol', params: [], returns: 'string' },
		{ name: 'decimals', params: [], returns: 'number' }
	]
};
