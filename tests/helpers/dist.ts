import path from 'node:path';

/** The built site the site tests read: `dist/`, or DIST_DIR when a test run built elsewhere. */
export const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
