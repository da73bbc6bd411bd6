// A stand-in for the simulator worker in Node: a Comlink endpoint over a MessageChannel that
// exposes a given API, can be terminated, can die (an 'error' event) and can start listening
// late (as a module worker awaiting its wasm does).
import * as Comlink from 'comlink';

export class FakeWorker extends EventTarget {
	readonly #port: MessagePort;
	terminated = false;

	constructor(api: object, listenAfterMs = 0) {
		super();
		const { port1, port2 } = new MessageChannel();
		this.#port = port1;
		port1.addEventListener('message', (e) => {
			if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: e.data }));
		});
		port1.start();
		if (listenAfterMs > 0) {
			// messages before the worker listens are lost, as in a browser
			port2.start();
			setTimeout(() => Comlink.expose(api, port2), listenAfterMs);
		} else {
			Comlink.expose(api, port2);
		}
	}

	postMessage(data: unknown, transfer: Transferable[] = []): void {
		if (!this.terminated) this.#port.postMessage(data, transfer);
	}

	terminate(): void {
		this.terminated = true;
		this.#port.close();
	}

	/** The worker dies (an uncaught error, out of memory). */
	die(): void {
		this.dispatchEvent(new Event('error'));
	}
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
