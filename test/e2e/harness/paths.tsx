import * as path from 'node:path';

/** The package under test; the harness packs it unless told otherwise. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Git-ignored scratch space of the e2e layer (see .gitignore: test/e2e/.work/). */
export const WORK_DIR = path.join(REPO_ROOT, 'test', 'e2e', '.work');

/**
 * One JSON file per running n8n, so globalTeardown (another module registry, maybe another process) and the
 * next run can stop servers a crashed or killed test left behind.
 */
export const LIVE_DIR = path.join(WORK_DIR, 'live');
