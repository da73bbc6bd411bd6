/**
 * The playground's worker entry: one PlaygroundSession per worker, exposed with Comlink. The
 * page creates it with `new Worker(new URL('./playground.worker.ts', import.meta.url), ...)`.
 */
import * as Comlink from 'comlink';
import { PlaygroundSession } from '#lib/playground/session.ts';

Comlink.expose(new PlaygroundSession());
