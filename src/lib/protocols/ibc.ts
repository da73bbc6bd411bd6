/**
 * IBC reference model: ICS-20 voucher denoms and escrow accounts, ICS-004 packet and
 * acknowledgement commitments, and the timeout rule.
 *
 * Source: cosmos/ibc-go at ee35255c (main, August 2026; the functions below are byte-for-byte the
 * same in tag v11.2.0 apart from a licence header):
 * - `modules/apps/transfer/types/denom.go`: `ExtractDenomFromPath` (160-), `Path` (71-),
 *   `Hash` (53-56), `IBCDenom` (60-66);
 * - `modules/apps/transfer/types/keys.go`: `GetEscrowAddress` (67-78), version "ics20-1";
 * - `modules/core/04-channel/types/packet.go`: `CommitPacket` (25-41), `CommitAcknowledgement`
 *   (44-47);
 * - `modules/core/04-channel/types/timeout.go`: `IsValid` (28), `Elapsed` (34), `heightElapsed`
 *   (67), `timestampElapsed` (73); `modules/core/02-client/types/height.go` `Compare` (58-72).
 * Identifier formats: `04-channel/types/keys.go` 43 (`channel-{N}`), `02-client/types/keys.go`
 * 56-66 (`{client-type}-{N}`), N a uint64 of 1 to 20 digits.
 *
 * Units: heights are `{ revisionNumber, revisionHeight }` of uint64 bigints (written "1-100");
 * timestamps are uint64 bigints of nanoseconds since the Unix epoch (as IBC carries them). Hashes
 * and addresses are 0x-prefixed lowercase hex (chains show commitments in base64 and addresses in
 * bech32: same bytes).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** An IBC height: a revision (bumped on a chain upgrade that resets heights) and a height in it. */
export interface Height {
	revisionNumber: bigint;
	revisionHeight: bigint;
}

/** One hop of a denom's trace: the port and channel (or IBC v2 client) it arrived through. */
export interface Hop {
	portId: string;
	channelId: string;
}

const MAX_UINT64 = 2n ** 64n - 1n;

function uint64(value: unknown, name: string): bigint {
	if (typeof value !== 'bigint' || value < 0n || value > MAX_UINT64) {
		throw new RangeError(`${name} must be a uint64 bigint (0 to 2^64 - 1), got ${String(value)}`);
	}
	return value;
}

function be8(value: bigint): Uint8Array {
	const out = new Uint8Array(8);
	new DataView(out.buffer).setBigUint64(0, value);
	return out;
}

function hex(bytes: Uint8Array): string {
	return '0x' + bytesToHex(bytes);
}

function fitsUint64(digits: string): boolean {
	return digits.length <= 20 && BigInt(digits) <= MAX_UINT64;
}

/** ibc-go `IsValidChannelID`: `channel-{N}`. */
function isChannelId(id: string): boolean {
	const m = /^channel-([0-9]{1,20})$/.exec(id);
	return m !== null && fitsUint64(m[1]);
}

/** ibc-go `IsValidClientID`: `{client-type}-{N}` (ASCII word characters and hyphens), or "09-localhost". */
function isClientId(id: string): boolean {
	if (id === '09-localhost') return true;
	const m = /^\w+([\w-]+\w)?-([0-9]{1,20})$/.exec(id);
	return m !== null && fitsUint64(m[2]);
}

/**
 * ibc-go `ExtractDenomFromPath`: splits a full denom path ('transfer/channel-0/uatom') into its
 * trace (pairs `port/channel` read from the left while the second part is a channel or client
 * identifier) and its base denom (the rest, which may itself contain slashes: 'gamm/pool/1').
 * A path with no such pair is a native denom (trace empty). Throws a TypeError for a non-string.
 */
export function parseDenomPath(fullPath: string): { base: string; trace: Hop[] } {
	if (typeof fullPath !== 'string') throw new TypeError('a denom path must be a string');
	const parts = fullPath.split('/');
	if (parts.length === 1) return { base: fullPath, trace: [] };
	const trace: Hop[] = [];
	let i = 0;
	for (; i < parts.length - 1 && parts.length > 2; i += 2) {
		if (!(isChannelId(parts[i + 1]) || isClientId(parts[i + 1]))) break;
		trace.push({ portId: parts[i], channelId: parts[i + 1] });
	}
	return { base: parts.slice(i).join('/'), trace };
}

/**
 * The denom a chain's bank module uses for an ICS-20 token: a native denom as it is, a token with
 * a trace as `ibc/` + UPPERCASE hex SHA-256 of the full path (ibc-go `IBCDenom`). For example
 * 'transfer/channel-0/uatom' gives
 * 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2' (ATOM on Osmosis).
 * Throws a RangeError for an empty path or an empty base denom ('transfer/channel-0/'
 * is allowed by the parser but rejected by ibc-go's `Denom.Validate`).
 */
export function voucherDenom(trace: string): string {
	const { base, trace: hops } = parseDenomPath(trace);
	if (base.trim() === '') {
		throw new RangeError(`'${trace}' has no base denomination (e.g. 'transfer/channel-0/uatom')`);
	}
	if (hops.length === 0) return base;
	return 'ibc/' + bytesToHex(sha256(utf8ToBytes(trace))).toUpperCase();
}

/**
 * The escrow account of an ICS-20 channel end, ibc-go `GetEscrowAddress` (ADR-028 address hash):
 * the first 20 bytes of SHA-256("ics20-1" || 0x00 || "port/channel"), as 0x lowercase hex (its
 * bech32 form, e.g. cosmos1..., encodes these 20 bytes). The '/' keeps ('transfer', 'channel') and
 * ('transfercha', 'nnel') apart. Throws a TypeError for an empty or non-string identifier.
 */
export function escrowAddress(portId: string, channelId: string): string {
	for (const [name, id] of [
		['portId', portId],
		['channelId', channelId]
	]) {
		if (typeof id !== 'string' || id === '') {
			throw new TypeError(`${name} must be a non-empty string`);
		}
	}
	const preimage = concatBytes(
		utf8ToBytes('ics20-1'),
		new Uint8Array([0]),
		utf8ToBytes(`${portId}/${channelId}`)
	);
	return hex(sha256(preimage).subarray(0, 20));
}

/** The packet fields a commitment binds (ibc-go `CommitPacket`). */
export interface CommittedPacket {
	/** Nanoseconds since the epoch on the destination's clock; 0 = no timestamp timeout. */
	timeoutTimestamp: bigint;
	/** Destination height; 0-0 = no height timeout. */
	timeoutHeight: Height;
	/** The application's packet data (for ICS-20, its JSON bytes). */
	data: Uint8Array;
}

/**
 * The commitment the sending chain stores for a packet, ibc-go `CommitPacket`:
 * SHA-256(timeoutTimestamp || revisionNumber || revisionHeight || SHA-256(data)), each number 8
 * bytes big-endian: a fixed-length 56-byte preimage, so a relayer cannot shift bytes between
 * fields. Sequence, ports and channels are not in it: they are in the store path
 * (`commitments/ports/{port}/channels/{channel}/sequences/{seq}`). Returns 0x lowercase hex.
 * Throws a RangeError for a number outside uint64, a TypeError when `data` is not bytes.
 */
export function packetCommitment(packet: CommittedPacket): string {
	const { timeoutTimestamp, timeoutHeight, data } = packet;
	if (!(data instanceof Uint8Array)) throw new TypeError('packet data must be a Uint8Array');
	return hex(
		sha256(
			concatBytes(
				be8(uint64(timeoutTimestamp, 'timeoutTimestamp')),
				be8(checkHeight(timeoutHeight, 'timeoutHeight').revisionNumber),
				be8(timeoutHeight.revisionHeight),
				sha256(data)
			)
		)
	);
}

/**
 * The commitment the receiving chain stores for an acknowledgement, ibc-go
 * `CommitAcknowledgement`: SHA-256(ack bytes), 0x lowercase hex. Throws a TypeError when `ack` is
 * not bytes.
 */
export function ackCommitment(ack: Uint8Array): string {
	if (!(ack instanceof Uint8Array)) throw new TypeError('an acknowledgement must be a Uint8Array');
	return hex(sha256(ack));
}

/**
 * The bytes of ICS-20's success acknowledgement, `{"result":"AQ=="}` (the JSON of
 * `NewResultAcknowledgement([]byte{1})`). Its commitment is what chains return for
 * `packet_acks/{seq}` of a successful transfer.
 */
export const ICS20_SUCCESS_ACK: Uint8Array = utf8ToBytes('{"result":"AQ=="}');

function checkHeight(height: unknown, name: string): Height {
	if (typeof height !== 'object' || height === null) {
		throw new TypeError(`${name} must be { revisionNumber, revisionHeight } of bigints`);
	}
	const h = height as Height;
	uint64(h.revisionNumber, `${name}.revisionNumber`);
	uint64(h.revisionHeight, `${name}.revisionHeight`);
	return h;
}

/**
 * ibc-go `Height.Compare`: -1, 0 or 1; revision numbers first, then heights within the revision.
 * Throws a TypeError / RangeError for a malformed height.
 */
export function compareHeights(a: Height, b: Height): -1 | 0 | 1 {
	const [x, y] = [checkHeight(a, 'a height'), checkHeight(b, 'a height')];
	const [p, q] =
		x.revisionNumber !== y.revisionNumber
			? [x.revisionNumber, y.revisionNumber]
			: [x.revisionHeight, y.revisionHeight];
	return p < q ? -1 : p > q ? 1 : 0;
}

/** A packet's timeout: a destination height and/or a destination timestamp (ns); 0 means unset. */
export interface Timeout {
	height: Height;
	timestamp: bigint;
}

const isZeroHeight = (h: Height): boolean => h.revisionNumber === 0n && h.revisionHeight === 0n;

/**
 * ibc-go `Timeout.IsValid`: at least one of height and timestamp is set. `SendPacket` rejects a
 * packet whose timeout is not valid (it could never time out). Throws on malformed fields.
 */
export function timeoutIsValid(timeout: Timeout): boolean {
	const height = checkHeight(timeout?.height, 'timeout.height');
	return !isZeroHeight(height) || uint64(timeout.timestamp, 'timeout.timestamp') !== 0n;
}

/**
 * ibc-go `Timeout.Elapsed` (ICS-004): true iff the height timeout is set (not 0-0) and
 * `at.height >= timeout.height` (revision number first), or the timestamp timeout is set (not 0)
 * and `at.timestamp >= timeout.timestamp`. Note `>=`: at exactly the timeout height the packet can
 * no longer be received and can be timed out. `at` is the destination chain's height and time
 * (its own on RecvPacket; as its light client on the source proves them on TimeoutPacket). An
 * unset timeout never elapses. Throws a TypeError / RangeError for a malformed field.
 */
export function timeoutElapsed(
	timeout: Timeout,
	at: { height: Height; timestamp: bigint }
): boolean {
	const limit = checkHeight(timeout?.height, 'timeout.height');
	const height = checkHeight(at?.height, 'at.height');
	const stamp = uint64(timeout.timestamp, 'timeout.timestamp');
	const now = uint64(at.timestamp, 'at.timestamp');
	const heightElapsed = !isZeroHeight(limit) && compareHeights(height, limit) >= 0;
	const timestampElapsed = stamp !== 0n && now >= stamp;
	return heightElapsed || timestampElapsed;
}
