/**
 * The simulation worker's entry: one Session per worker, exposed with Comlink. The page creates
 * it with `new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' })`.
 */
import * as Comlink from 'comlink';
import { Session } from './session.ts';

Comlink.expose(new Session());
