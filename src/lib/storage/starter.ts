/**
 * Starter hashes: which starter text a draft was written against, so a draft saved before a
 * lesson's starter changed (a new deploy) can be told apart from one written for the current
 * starter. The hash is SHA-256 (FIPS 180-4, via @noble/hashes) of the starter's UTF-8 text, as 64
 * lowercase hex digits.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** A starter hash: 64 lowercase hex digits. */
export const STARTER_HASH = /^[0-9a-f]{64}$/;

/** The starter hash of a starter file's text: SHA-256 of its UTF-8 bytes, lowercase hex. */
export function starterHash(text: string): string {
	return bytesToHex(sha256(utf8ToBytes(text)));
}
