/**
 * The life of a workbench page, started in its onMount: storage, the page's client of the
 * simulator worker, drafts flushed when the page hides and again when it closes.
 */
import { getStorage } from '#lib/storage/index.ts';

/** The stores a workbench page uses (drafts, progress, inputs, settings). */
export type Stores = ReturnType<typeof getStorage>;

/**
 * Opens the page: makes the client, then `open(client, stores)` (not awaited: the page is already
 * on screen). `settled()` is called once `open` has ended, resolved or rejected (a rejection is
 * logged), so what waits for the page (the editor) never waits forever. Returns the teardown for
 * onMount: `close()`, drafts flushed, the worker terminated.
 */
export function startWorkbench<C extends { dispose(): void }>(
	makeClient: () => C,
	open: (client: C, stores: Stores) => Promise<void>,
	close: () => void,
	settled: () => void = () => {}
): () => void {
	const stores = getStorage();
	const client = makeClient();
	const stopFlush = stores.drafts.flushOnHide();
	void open(client, stores)
		.catch((error: unknown) => console.error('the workbench did not open fully', error))
		.finally(settled);
	return () => {
		stopFlush();
		void stores.drafts.flush();
		close();
		client.dispose();
	};
}
