/**
 * Messages between the page and Chainlab's service worker, and the cache naming both sides share.
 * Plain constants only: this file is bundled into the service worker too.
 */

/** Page -> waiting worker: the learner accepted the update (drafts are saved); take over now. */
export const SKIP_WAITING = 'chainlab:skip-waiting';

/** Every cache of this deployment starts with this prefix (scope path included, so two
 * deployments on one origin never delete each other's caches). */
export function cachePrefix(scope: string): string {
	return `chainlab:${new URL(scope).pathname}:`;
}
