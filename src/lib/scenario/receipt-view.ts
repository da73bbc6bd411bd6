/**
 * Engine receipt -> ReceiptView (protocol.ts): plain strings for the console, names for known
 * addresses, the failing line blamed on the lesson file the contract came from.
 */
import type { LogView, ReceiptView } from '#lib/model/receipt.ts';
import type { Receipt } from './engine.ts';
import { toSourceError } from './errors.ts';
import { formatValue, type NameBook } from './format.ts';

/** Names plus the lesson file each contract was deployed from. */
export type ReceiptNames = NameBook & { fileOf(address: string): string | undefined };

type SentTx = {
	from: string;
	to: string;
	method?: string;
	args: unknown[];
	value?: bigint;
	gasLimit: number;
};

/**
 * Format one receipt.
 * @param receipt the engine's receipt
 * @param tx the request as sent (for value and gas limit)
 * @param chainId the chain it ran on
 * @param names address -> name and address -> file lookups
 */
export function toReceiptView(
	receipt: Receipt,
	tx: SentTx,
	chainId: number,
	names: ReceiptNames
): ReceiptView {
	const r = receipt as Receipt & Record<string, unknown>;
	const to = String(r.to ?? tx.to);
	const from = String(r.from ?? tx.from);
	const logs: LogView[] = (receipt.logs ?? []).map((log) => {
		const args: Record<string, string> = {};
		for (const [key, value] of Object.entries((log.args ?? {}) as Record<string, unknown>)) {
			args[key] = formatValue(value, names);
		}
		const view: LogView = { address: log.address, event: log.event, args };
		const contract = names.nameOf(log.address);
		if (contract) view.contract = contract;
		return view;
	});
	const view: ReceiptView = {
		txHash: String(r.txHash ?? ''),
		chainId,
		blockNumber: Number(r.blockNumber ?? 0),
		from: names.nameOf(from) ?? from,
		to: names.nameOf(to) ?? to,
		method: String(r.method ?? tx.method ?? ''),
		args: ((r.args as unknown[] | undefined) ?? tx.args).map((arg) => formatValue(arg, names)),
		value: String(r.value ?? tx.value ?? 0n),
		status: receipt.status,
		gasUsed: Number(receipt.gasUsed),
		gasLimit: Number(r.gasLimit ?? tx.gasLimit),
		logs
	};
	if (receipt.status === 'success' && receipt.returnValue !== undefined) {
		view.returnValue = formatValue(receipt.returnValue, names);
	}
	if (receipt.error) {
		// blame the innermost contract that failed when the engine says which one it was
		const at = (receipt.error as { address?: string }).address ?? to;
		view.error = toSourceError(receipt.error, names.fileOf(at));
	}
	return view;
}
