/**
 * The W3C Nu HTML checker (`vnu.jar` from the vnu-jar package, run with Debian's Java; `.ci/run`
 * installs `default-jre-headless` where `java` is missing). It catches what html-validate does
 * not, such as ARIA attributes an element's role does not allow.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const JAR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

export interface NuMessage {
  /** The page, relative to the checked folder. */
  file: string;
  line?: number;
  message: string;
  extract?: string;
}

/** Every error the checker finds in the HTML files under `dir` (all of them, in one Java run). */
export function nuErrors(dir: string): Promise<NuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', JAR, '--errors-only', '--format', 'json', '--skip-non-html', dir],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        // The checker exits 1 when it found errors; its report is the JSON on stderr either way.
        let report: { messages?: { url?: string; lastLine?: number; message: string; extract?: string }[] };
        try {
          report = JSON.parse(stderr) as typeof report;
        } catch {
          reject(new Error(`the Nu checker did not run: ${error?.message ?? ''}\n${stderr.slice(0, 2000)}`));
          return;
        }
        resolve(
          (report.messages ?? []).map((entry) => ({
            file: path.relative(dir, new URL(entry.url ?? 'file:///').pathname),
            line: entry.lastLine,
            message: entry.message,
            extract: entry.extract,
          })),
        );
      },
    );
  });
}
