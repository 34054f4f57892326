import { watch } from 'fs';
import type { FSWatcher } from 'fs';
import { join } from 'path';

import { REPO_ROOT } from '../../test/harness/repository';

/** The folders the package is built from, and the files of them the build reads. */
const SOURCE_FOLDERS = ['credentials', 'nodes'];
const SOURCE_FILE = /\.(ts|json|svg|png)$/;
/** One rebuild for a burst of saves (an editor's save-all, a git checkout). */
const QUIET_MS = 300;

/** Calls `onChange` once the sources have been quiet for a moment after a change; returns `close`. */
export function watchSources(onChange: (file: string) => void): () => void {
	let timer: NodeJS.Timeout | undefined;
	let lastFile = '';
	const watchers: FSWatcher[] = SOURCE_FOLDERS.map((folder) =>
		watch(join(REPO_ROOT, folder), { recursive: true }, (_event, file) => {
			if (!file || !SOURCE_FILE.test(file)) return;
			lastFile = join(folder, file);
			clearTimeout(timer);
			timer = setTimeout(() => onChange(lastFile), QUIET_MS);
		}),
	);
	return () => {
		clearTimeout(timer);
		for (const watcher of watchers) watcher.close();
	};
}
