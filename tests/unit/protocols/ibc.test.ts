import {
	ackCommitment,
	compareHeights,
	escrowAddress,
	ICS20_SUCCESS_ACK,
	packetCommitment,
	parseDenomPath,
	timeoutElapsed,
	timeoutIsValid,
	voucherDenom,
	type Height
} from '#lib/protocols/ibc.ts';
import { bech32 } from '@scure/base';
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';

const h = (revisionNumber: bigint, revisionHeight: bigint): Height => ({
	revisionNumber,
	revisionHeight
});
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('ICS-20 voucher denoms (ibc-go apps/transfer/types/denom.go)', () => {
	test('published denoms', () => {
		// ATOM on Osmosis (cosmos/chain-registry osmosis assetlist; ibc-go rate-limiting packet_test.go 78)
		expect(voucherDenom('transfer/channel-0/uatom')).toBe(
			'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2'
		);
		// ibc-go internal/types/legacy_denomtrace_test.go 20
		expect(voucherDenom('transfer/channel-1/uatom')).toBe(
			'ibc/C4CFF46FD6DE35CA4CF4CE031E643C8FDC9BA4B99AE598E9B0ED98FE3A2319F9'
		);
		// ibc-go keeper/migrations_test.go (comments at 300, 327, 371)
		expect(voucherDenom('transfer/channel-0/foo')).toBe(
			'ibc/EB7094899ACFB7A6F2A67DB084DEE2E9A83DEFAA5DEF92D9A9814FFD9FF673FA'
		);
		expect(voucherDenom('transfer/channel-1/transfer/channel-2/ubar')).toBe(
			'ibc/8243B3EAA19BAB1DB3B0020B81C0C5A953E7B22C042CEE44E639A11A238BA57C'
		);
		expect(voucherDenom('transfer/channel-0/bar')).toBe(
			'ibc/E1530E21F1848B6C29C9E89256D43E294976897611A61741CACBA55BE21736F5'
		);
	});

	test('native denoms stay as they are, even with slashes or a non-channel identifier', () => {
		expect(voucherDenom('uatom')).toBe('uatom');
		expect(voucherDenom('gamm/pool/1')).toBe('gamm/pool/1');
		expect(voucherDenom('erc20/0x85bcBCd7e79Ec36f4fBBDc54F90C643d921151AA')).toBe(
			'erc20/0x85bcBCd7e79Ec36f4fBBDc54F90C643d921151AA'
		);
		// ibc-go's docs hash 'transfer/channelToA/uatom', but ExtractDenomFromPath reads it as native
		expect(voucherDenom('transfer/channelToA/uatom')).toBe('transfer/channelToA/uatom');
	});

	test('the trace is split as ibc-go TestExtractDenomFromPath expects (denom_test.go 301-327)', () => {
		const hop = (portId: string, channelId: string) => ({ portId, channelId });
		const cases: [string, string, ReturnType<typeof hop>[]][] = [
			['atom', 'atom', []],
			['atom/', 'atom/', []],
			['foo///bar//baz/atom/', 'foo///bar//baz/atom/', []],
			['transfer/channel-0/atom', 'atom', [hop('transfer', 'channel-0')]],
			['transfer/07-tendermint-0/atom', 'atom', [hop('transfer', '07-tendermint-0')]],
			['transfer/channel-0/atom/', 'atom/', [hop('transfer', 'channel-0')]],
			['transfer/channel-0//at/om/', '/at/om/', [hop('transfer', 'channel-0')]],
			[
				'transfer/channel-0/transfer/channel-60/atom',
				'atom',
				[hop('transfer', 'channel-0'), hop('transfer', 'channel-60')]
			],
			['/uatom', '/uatom', []],
			['//uatom', '//uatom', []],
			['transfer/', 'transfer/', []],
			['customtransfer/channel-1/uatom', 'uatom', [hop('customtransfer', 'channel-1')]],
			['channel-1/transfer/uatom', 'channel-1/transfer/uatom', []],
			['transfer/channel-1', 'transfer/channel-1', []],
			[
				'transfer/channel-1/transfer/channel-2',
				'',
				[hop('transfer', 'channel-1'), hop('transfer', 'channel-2')]
			],
			['transfer/channelToA/uatom', 'transfer/channelToA/uatom', []],
			// a channel sequence must fit in a uint64
			[
				'transfer/channel-18446744073709551616/uatom',
				'transfer/channel-18446744073709551616/uatom',
				[]
			]
		];
		for (const [path, base, trace] of cases)
			expect(parseDenomPath(path), path).toEqual({ base, trace });
	});

	test('the hash is SHA-256 of the full path, upper-case hex', () => {
		const path = 'transfer/channel-141/transfer/channel-0/uosmo';
		const digest = createHash('sha256').update(path).digest('hex').toUpperCase();
		expect(voucherDenom(path)).toBe(`ibc/${digest}`);
	});

	test('bad input gets a clear error', () => {
		expect(() => voucherDenom('')).toThrow(/no base denomination/);
		expect(() => voucherDenom('transfer/channel-1/transfer/channel-2')).toThrow(
			/no base denomination/
		);
		expect(() => voucherDenom(42 as unknown as string)).toThrow(/must be a string/);
	});
});

describe('ICS-20 escrow addresses (ibc-go apps/transfer/types/keys.go GetEscrowAddress)', () => {
	test('equal the Cosmos Hub escrow accounts gaiad reports', () => {
		// cosmos/ibc-rs d8cf5263 ibc-testkit/tests/applications/transfer.rs: "addresses obtained using
		// `gaiad query ibc-transfer escrow-address [port-id] [channel-id]`"
		const published: [string, string][] = [
			['channel-141', 'cosmos1x54ltnyg88k0ejmk8ytwrhd3ltm84xehrnlslf'],
			['channel-207', 'cosmos1ju6tlfclulxumtt2kglvnxduj5d93a64r5czge'],
			['channel-187', 'cosmos177x69sver58mcfs74x6dg0tv6ls4s3xmmcaw53']
		];
		for (const [channel, address] of published) {
			const bytes = bech32.fromWords(bech32.decode(address as `${string}1${string}`).words);
			expect(escrowAddress('transfer', channel)).toBe('0x' + Buffer.from(bytes).toString('hex'));
		}
	});

	test('the preimage separates port and channel (ibc-go keys_test.go TestGetEscrowAddress)', () => {
		expect(escrowAddress('transfer', 'channel')).not.toBe(escrowAddress('transfercha', 'nnel'));
		expect(escrowAddress('transfer', 'channel-0')).toMatch(/^0x[0-9a-f]{40}$/);
		expect(() => escrowAddress('', 'channel-0')).toThrow(/portId must be a non-empty string/);
	});
});

/** CommitPacket written out independently, with Node's crypto instead of @noble */
function nodeCommitPacket(ts: bigint, height: Height, data: Uint8Array): string {
	const buf = Buffer.alloc(24);
	buf.writeBigUInt64BE(ts, 0);
	buf.writeBigUInt64BE(height.revisionNumber, 8);
	buf.writeBigUInt64BE(height.revisionHeight, 16);
	const dataHash = createHash('sha256').update(data).digest();
	return (
		'0x' +
		createHash('sha256')
			.update(Buffer.concat([buf, dataHash]))
			.digest('hex')
	);
}

describe('packet and acknowledgement commitments (ibc-go core/04-channel/types/packet.go)', () => {
	const data = utf8('{"amount":"100","denom":"uatom","receiver":"osmo1...","sender":"cosmos1..."}');
	const base = { timeoutTimestamp: 1_700_000_000_000_000_000n, timeoutHeight: h(1n, 500n), data };

	test('SHA-256 of the 8-byte big-endian timeout fields and SHA-256(data)', () => {
		expect(packetCommitment(base)).toBe(
			nodeCommitPacket(base.timeoutTimestamp, base.timeoutHeight, data)
		);
		const max = 2n ** 64n - 1n;
		expect(
			packetCommitment({ timeoutTimestamp: max, timeoutHeight: h(max, 0n), data: new Uint8Array() })
		).toBe(nodeCommitPacket(max, h(max, 0n), new Uint8Array()));
	});

	test('each field changes the commitment (ibc-go packet_test.go TestCommitPacket)', () => {
		const variants = [
			{ ...base, data: utf8('unknown packet data') },
			{ ...base, timeoutHeight: h(2n, 500n) },
			{ ...base, timeoutHeight: h(1n, 501n) },
			{ ...base, timeoutTimestamp: 1n }
		];
		const commitments = new Set([base, ...variants].map(packetCommitment));
		expect(commitments.size).toBe(5);
	});

	test('the fixed-length preimage: digits cannot move between fields', () => {
		// written as decimal text, (timestamp 1, revision 11) and (timestamp 11, revision 1) both read "111"
		const a = packetCommitment({ ...base, timeoutTimestamp: 1n, timeoutHeight: h(11n, 0n) });
		const b = packetCommitment({ ...base, timeoutTimestamp: 11n, timeoutHeight: h(1n, 0n) });
		expect(a).not.toBe(b);
	});

	test("ICS-20's success ack commits to the value chains return for packet_acks", () => {
		// base64 CPdVftUYJv4Y2EUSvyTsdQAe268hI6R333KgqfNkCnw= (Injective API docs, PacketAcknowledgement
		// response example; the same value for every successful ICS-20 transfer)
		const onChain =
			'0x' + Buffer.from('CPdVftUYJv4Y2EUSvyTsdQAe268hI6R333KgqfNkCnw=', 'base64').toString('hex');
		expect(ackCommitment(ICS20_SUCCESS_ACK)).toBe(onChain);
		expect(ackCommitment(utf8('{"error":"insufficient funds"}'))).not.toBe(onChain);
	});

	test('bad input gets a clear error', () => {
		expect(() => packetCommitment({ ...base, timeoutTimestamp: -1n })).toThrow(
			/timeoutTimestamp must be a uint64/
		);
		expect(() => packetCommitment({ ...base, timeoutHeight: h(0n, 2n ** 64n) })).toThrow(
			/revisionHeight/
		);
		expect(() => packetCommitment({ ...base, timeoutTimestamp: 5 as unknown as bigint })).toThrow(
			/uint64 bigint/
		);
		expect(() => packetCommitment({ ...base, data: 'x' as unknown as Uint8Array })).toThrow(
			/Uint8Array/
		);
		expect(() => ackCommitment('ok' as unknown as Uint8Array)).toThrow(/Uint8Array/);
	});
});

describe('timeouts (ibc-go core/04-channel/types/timeout.go, ICS-004)', () => {
	const noHeight = h(0n, 0n);

	test('height: elapsed at exactly the timeout height (>=), not one block before', () => {
		const timeout = { height: h(1n, 100n), timestamp: 0n };
		expect(timeoutElapsed(timeout, { height: h(1n, 99n), timestamp: 0n })).toBe(false);
		expect(timeoutElapsed(timeout, { height: h(1n, 100n), timestamp: 0n })).toBe(true);
		expect(timeoutElapsed(timeout, { height: h(1n, 101n), timestamp: 0n })).toBe(true);
	});

	test('heights compare revision numbers first', () => {
		const timeout = { height: h(1n, 100n), timestamp: 0n };
		expect(timeoutElapsed(timeout, { height: h(2n, 1n), timestamp: 0n })).toBe(true);
		expect(timeoutElapsed(timeout, { height: h(0n, 10_000n), timestamp: 0n })).toBe(false);
		expect(compareHeights(h(2n, 1n), h(1n, 100n))).toBe(1);
		expect(compareHeights(h(1n, 5n), h(1n, 5n))).toBe(0);
		expect(compareHeights(h(1n, 4n), h(1n, 5n))).toBe(-1);
	});

	test('timestamp: elapsed at exactly the timeout time (>=)', () => {
		const t = 1_700_000_000_000_000_000n;
		const timeout = { height: noHeight, timestamp: t };
		expect(timeoutElapsed(timeout, { height: h(1n, 10n ** 9n), timestamp: t - 1n })).toBe(false);
		expect(timeoutElapsed(timeout, { height: h(1n, 1n), timestamp: t })).toBe(true);
	});

	test('either timeout is enough when both are set', () => {
		const timeout = { height: h(1n, 100n), timestamp: 1000n };
		expect(timeoutElapsed(timeout, { height: h(1n, 100n), timestamp: 1n })).toBe(true);
		expect(timeoutElapsed(timeout, { height: h(1n, 1n), timestamp: 1000n })).toBe(true);
		expect(timeoutElapsed(timeout, { height: h(1n, 99n), timestamp: 999n })).toBe(false);
	});

	test('zero means unset: an unset timeout never elapses, and a packet needs at least one', () => {
		const max = 2n ** 64n - 1n;
		const far = { height: h(max, max), timestamp: max };
		expect(timeoutElapsed({ height: noHeight, timestamp: 0n }, far)).toBe(false);
		expect(
			timeoutElapsed({ height: noHeight, timestamp: 5n }, { height: far.height, timestamp: 4n })
		).toBe(false);
		expect(
			timeoutElapsed({ height: h(0n, 7n), timestamp: 0n }, { height: h(0n, 7n), timestamp: 0n })
		).toBe(true);
		expect(timeoutIsValid({ height: noHeight, timestamp: 0n })).toBe(false);
		expect(timeoutIsValid({ height: h(0n, 1n), timestamp: 0n })).toBe(true);
		expect(timeoutIsValid({ height: noHeight, timestamp: 1n })).toBe(true);
	});

	test('bad input gets a clear error', () => {
		const at = { height: h(1n, 1n), timestamp: 0n };
		expect(() => timeoutElapsed({ height: h(1n, -1n), timestamp: 0n }, at)).toThrow(
			/revisionHeight/
		);
		expect(() =>
			timeoutElapsed({ height: h(1n, 1n), timestamp: 0n }, { timestamp: 0n } as never)
		).toThrow(/at.height must be/);
		expect(() =>
			timeoutElapsed(
				{ height: noHeight, timestamp: 1n },
				{ height: at.height, timestamp: 1 as never }
			)
		).toThrow(/at.timestamp/);
	});
});
