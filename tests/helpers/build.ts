/**
 * Runs the production build (`npm run build`) as a shell would, with `env` on top, for the
 * tests that build their own site (other content, a sub-path, Pagefind shards…).
 */
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

/**
 * Vitest puts Vite's import.meta.env into process.env (BASE_URL=/, MODE=test, DEV=1…); a
 * child build inheriting them would get `/` as its base in places.
 */
const VITEST_ONLY = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST(_\w+)?)$/;

/** This process's environment without Vitest's additions, with `env` on top: for a child Astro. */
export function astroEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ONLY.test(key))), ...env };
}

/** Resolves when the build succeeds; rejects with the end of its output when it fails. */
export function buildSite(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { env: astroEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              // CI runs in a terminal, where Astro colours its messages; tests match the words.
              stripVTControlCharacters(
                `build with ${JSON.stringify(env)} failed (${code}):\n${errors.slice(-4000)}\n${output.slice(-2000)}`,
              ),
            ),
          ),
    );
  });
}
