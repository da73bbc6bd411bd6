/**
 * Reactive storage health for the page: `storageStatus.error` is a learner-facing sentence while
 * browser storage fails, and null when everything is saved.
 */
class StorageStatus {
	error = $state<string | null>(null);

	/** Records a failure (a message) or a recovery (null). */
	report = (message: string | null): void => {
		this.error = message;
	};
}

export const storageStatus = new StorageStatus();
