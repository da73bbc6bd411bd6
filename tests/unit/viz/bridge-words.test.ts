/** The sequence view's words: generic states, or a bridge's own (IBC: received, acknowledged). */
import { expect, test } from 'vitest';
import type { BridgeMessage } from '#lib/model/bridge.ts';
import { describeMessage, messagesAt, stateWords, STATE_WORDS } from '#lib/viz/bridge.ts';

const message: BridgeMessage = {
	key: 'transfer/channel-0#1',
	route: 'transfer/channel-0',
	id: '1',
	from: 1,
	to: 2,
	amount: '10 TOK',
	marks: [
		{ step: 1, state: 'sent', chainId: 1, label: 'SendPacket', status: 'success' },
		{ step: 1, state: 'relayed', chainId: 2, label: 'delivered', status: 'success' },
		{ step: 1, state: 'proven', chainId: 2, label: 'RecvPacket', status: 'success' },
		{ step: 2, state: 'executed', chainId: 1, label: 'AcknowledgePacket', status: 'success' }
	]
};

test('a bridge’s own words replace only the states it names', () => {
	const words = stateWords({ proven: 'received', executed: 'acknowledged' });
	expect(words).toEqual({ ...STATE_WORDS, proven: 'received', executed: 'acknowledged' });
	expect(stateWords(undefined)).toEqual(STATE_WORDS);
	const [atOne] = messagesAt([message], 1);
	const [atTwo] = messagesAt([message], 2);
	expect(describeMessage(atOne, words)).toBe('transfer/channel-0 #1 · 10 TOK · received');
	expect(describeMessage(atTwo, words)).toBe('transfer/channel-0 #1 · 10 TOK · acknowledged');
	expect(describeMessage(atTwo)).toBe('transfer/channel-0 #1 · 10 TOK · executed');
});
