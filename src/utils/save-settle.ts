/**
 * How long after a file's last watcher event its save counts as done: longer than one save's writes take. A save can
 * reach the dev server's watcher as one event at the moment the file is emptied, before its text is written.
 */
const SAVE_SETTLE_MS = 100;

/** A function that runs `run` once {@link SAVE_SETTLE_MS} have passed since it was last called. */
export function afterSaveSettles(run: () => void): () => void {
	let settling: NodeJS.Timeout | undefined;
	return () => {
		clearTimeout(settling);
		settling = setTimeout(run, SAVE_SETTLE_MS);
	};
}
