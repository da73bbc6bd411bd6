/**
 * Addresses. A named account's address is the last 20 bytes of keccak256('chainlab:account:' +
 * name), so 'alice' has the same address in every world and on every chain. A contract's address
 * is the last 20 bytes of keccak256('chainlab:contract:' + deployer + ':' + nonce): like Ethereum's
 * CREATE (keccak of the deployer and its nonce), and, as on Ethereum, independent of the chain id.
 */
import { keccak256 } from './hash.ts';
import { isHex } from './text.ts';

/** The zero address: msg.sender of chain.view() calls without `from`, the `from` of mints. */
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** Native balance a named account starts with, like Remix's funded accounts: 100 ETH in wei. */
export const STARTING_BALANCE = 100n * 10n ** 18n;

const NAME = /^[A-Za-z_][\w.-]{0,63}$/;
const byName = new Map<string, string>();

/** True for 0x followed by 40 hex digits (any case). */
export function isAddress(value: unknown): value is string {
	return typeof value === 'string' && isHex(value, 40);
}

/**
 * Address of a named account: last 20 bytes of keccak256('chainlab:account:' + name), lowercase.
 * Throws a TypeError for names that are not 1-64 letters, digits, '_', '.' or '-' starting with a
 * letter or '_'.
 */
export function accountAddress(name: string): string {
	let address = byName.get(name);
	if (address === undefined) {
		if (!NAME.test(name))
			throw new TypeError(
				`"${name}" is neither an address (0x and 40 hex digits) nor an account name (letters, digits, _ . -; up to 64)`
			);
		address = '0x' + keccak256('chainlab:account:' + name).slice(-40);
		byName.set(name, address);
	}
	return address;
}

/** Address of the contract `deployer` creates with nonce `nonce`. */
export function contractAddress(deployer: string, nonce: number): string {
	return '0x' + keccak256(`chainlab:contract:${deployer}:${nonce}`).slice(-40);
}
