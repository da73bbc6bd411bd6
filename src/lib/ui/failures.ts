/** Words for failed transactions: the run's count (timeline, announcement) and a console line. */
import type { ErrorKind } from '#lib/model/errors.ts';
import type { ReceiptView } from '#lib/model/receipt.ts';
import type { FailedStep } from '#lib/model/run.ts';

/**
 * "3 transactions failed (in 2 steps)", "1 transaction failed (in step 5)" (steps 1-based), or
 * null when nothing failed.
 */
export function failureSummary(failures: readonly FailedStep[]): string | null {
	if (failures.length === 0) return null;
	const txs = failures.reduce((sum, f) => sum + f.count, 0);
	const what = `${txs} ${txs === 1 ? 'transaction' : 'transactions'} failed`;
	return failures.length === 1
		? `${what} (in step ${failures[0].step + 1})`
		: `${what} (in ${failures.length} steps)`;
}

/** Each error kind in a few plain words, as the console's failure line says it. */
const KIND_WORDS: Record<ErrorKind, string> = {
	revert: 'reverted',
	'out-of-gas': 'out of gas',
	runtime: 'runtime error',
	'call-depth': 'call depth exceeded',
	memory: 'out of memory',
	'invalid-tx': 'invalid transaction',
	syntax: 'syntax error',
	cancelled: 'cancelled'
};

/**
 * Where and how a failed receipt failed, for the console: "LendingPool.borrow: out of gas at line
 * 42". The contract is the one the error is located in (its file's name, `contracts/LendingPool.ts`
 * gives `LendingPool`), else the receipt's `to`; the method is the transaction's. Null for a
 * receipt that succeeded.
 */
export function failureLine(r: ReceiptView): string | null {
	if (r.status !== 'reverted') return null;
	const kind = r.error?.kind ?? 'revert';
	const file = r.error?.file
		?.split('/')
		.pop()
		?.replace(/\.[jt]s$/, '');
	const contract = file || r.to;
	const where = r.error?.line ? ` at line ${r.error.line}` : '';
	return `${contract}.${r.method || 'call'}: ${KIND_WORDS[kind]}${where}`;
}
