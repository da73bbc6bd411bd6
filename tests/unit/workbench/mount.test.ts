// The page's opening always settles (workbench/mount.ts): the editor waits for it, so an opening
// that throws (a share link that cannot be read, an attach that fails) must still let it start.
import { afterEach, describe, expect, test, vi } from 'vitest';

vi.mock('#lib/storage/index.ts', () => ({
	getStorage: () => ({
		drafts: { flushOnHide: () => () => {}, flush: () => Promise.resolve() }
	})
}));

const { startWorkbench } = await import('#lib/workbench/mount.ts');

afterEach(() => vi.restoreAllMocks());

describe('startWorkbench', () => {
	test('calls settled once open resolves', async () => {
		const settled = vi.fn();
		startWorkbench(
			() => ({ dispose() {} }),
			() => Promise.resolve(),
			() => {},
			settled
		);
		await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
	});

	test('calls settled when open rejects, and logs the error', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const settled = vi.fn();
		startWorkbench(
			() => ({ dispose() {} }),
			() => Promise.reject(new Error('share link unreadable')),
			() => {},
			settled
		);
		await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
		expect(String(log.mock.calls[0]?.[1])).toContain('share link unreadable');
	});

	test('the teardown closes the page and disposes the client', () => {
		const close = vi.fn();
		const dispose = vi.fn();
		const stop = startWorkbench(
			() => ({ dispose }),
			() => new Promise(() => {}),
			close
		);
		stop();
		expect(close).toHaveBeenCalledTimes(1);
		expect(dispose).toHaveBeenCalledTimes(1);
	});
});
