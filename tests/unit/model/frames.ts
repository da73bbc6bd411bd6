// A plain Frame for tests of the page's state and the worker client: step `step` of `total`,
// one chain whose head is at block `step`, no receipts.
import type { Frame } from '#lib/model/frame.ts';

export const frameAt = (step: number, total: number): Frame => ({
	step,
	total,
	label: `step ${step}`,
	time: 0,
	blockNumber: step,
	heads: [{ chainId: 1, number: step, timestamp: 0 }],
	stateHash: '0x00',
	receipts: []
});
