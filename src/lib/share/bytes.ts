/**
 * Byte plumbing for share links: base64url (RFC 4648 §5, no padding) and raw DEFLATE (RFC 1951)
 * through the platform's CompressionStream / DecompressionStream (browsers and Node 22), with a
 * hard cap on decompressed size so a tiny link cannot expand into a huge allocation.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALID = /^[A-Za-z0-9_-]*$/;

/** Encodes bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
		for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
	}
	return out;
}

/**
 * Decodes unpadded base64url.
 * @returns the bytes, or null when the text has characters outside the alphabet or a length no
 *   base64 encoding can have (length % 4 === 1, which is what a cut-off link often looks like)
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
	if (!VALID.test(text) || text.length % 4 === 1) return null;
	const out = new Uint8Array(Math.floor((text.length * 6) / 8));
	let bits = 0;
	let acc = 0;
	let j = 0;
	for (let i = 0; i < text.length; i++) {
		acc = (acc << 6) | ALPHABET.indexOf(text[i]);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[j++] = (acc >> bits) & 0xff;
		}
		acc &= 0xff;
	}
	return out;
}

async function collect(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel().catch(() => {});
			throw new RangeError(`more than ${maxBytes} bytes`);
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
	return new ReadableStream<BufferSource>({
		start(controller) {
			controller.enqueue(bytes);
			controller.close();
		}
	});
}

/** Compresses bytes with raw DEFLATE. */
export function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
	return collect(
		streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw')),
		Number.MAX_SAFE_INTEGER
	);
}

/** Thrown by inflateRaw for bytes after the end of the DEFLATE data (a link is not canonical). */
export class TrailingDataError extends TypeError {
	override name = 'TrailingDataError';
}

/**
 * Decompresses raw DEFLATE, stopping as soon as the output passes `maxBytes`. The data must end
 * exactly where the DEFLATE stream ends, on every platform: Chromium's DecompressionStream refuses
 * bytes after the final block, Node's ignores them, so the check is made here. Cutting the last
 * byte off complete DEFLATE always breaks it (that byte holds the end of the final block, the rest
 * is padding), so if the data without its last byte still inflates, that byte was trailing junk.
 * @throws RangeError when the output would exceed `maxBytes`; TrailingDataError when bytes follow
 *   the end of the DEFLATE data; TypeError (from the platform) when the data is not complete
 *   valid DEFLATE, e.g. a truncated link
 */
export async function inflateRaw(
	bytes: Uint8Array<ArrayBuffer>,
	maxBytes: number
): Promise<Uint8Array> {
	const out = await inflateOnce(bytes, maxBytes);
	if (bytes.length > 0) {
		const shorter = await inflateOnce(bytes.slice(0, bytes.length - 1), maxBytes).then(
			() => true,
			() => false
		);
		if (shorter) throw new TrailingDataError('bytes after the end of the compressed data');
	}
	return out;
}

function inflateOnce(bytes: Uint8Array<ArrayBuffer>, maxBytes: number): Promise<Uint8Array> {
	return collect(streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')), maxBytes);
}
