/**
 * The simulator worker's one entry: a lesson Session and a PlaygroundSession side by side
 * (`WorkerApi` of protocol.ts), exposed with Comlink, so the engine is bundled and precached
 * once. The page creates it with `simulatorWorker()` of client.ts; each page uses one of the two.
 */
import * as Comlink from 'comlink';
import { PlaygroundSession } from '#lib/playground/session.ts';
import type { WorkerApi } from './protocol.ts';
import { Session } from './session.ts';

const api: WorkerApi = {
	lesson: Comlink.proxy(new Session()),
	playground: Comlink.proxy(new PlaygroundSession())
};
Comlink.expose(api);
