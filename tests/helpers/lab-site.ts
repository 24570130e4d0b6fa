/**
 * The example lab (tests/fixtures/lab): a fictional group's people and papers, with a
 * generated 4 MB camera photo, built once under the sub-path `/lab/` before the site tests
 * (Vitest `globalSetup` of the site project). Tests read where it is with
 * `inject('labSite')`. The same dist is served under `/lab/` and opened from file://.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build.ts';
import { cameraPhoto } from './camera-photo.ts';

/** Where the example lab was built, as the site tests get it from `inject('labSite')`. */
export interface LabSite {
  /** The built site. */
  dist: string;
  /** The base it was built under, with slashes: `/lab/`. */
  base: string;
  /** The people folder it was built from. */
  peopleDir: string;
  /** Ada Okafor's generated camera photo (Tomás Ferreira has another). */
  photo: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    labSite: LabSite;
  }
}

const FIXTURE = path.resolve('tests/fixtures/lab');
const BASE = '/lab/';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Inside the project (git-ignored test-results/), as the sub-path crawl explains: Astro 7
  // shares <cwd>/.astro/.prerender/ between builds whose outDir is outside the project.
  await mkdir('test-results', { recursive: true });
  const work = await mkdtemp(path.resolve('test-results', 'lab-'));
  const papersDir = path.join(work, 'papers');
  const peopleDir = path.join(work, 'people');
  await cp(path.join(FIXTURE, 'papers'), papersDir, { recursive: true });
  await cp(path.join(FIXTURE, 'people'), peopleDir, { recursive: true });
  // Two members have photos: Ada first on /people/, Tomás (an alumnus) last, below the fold.
  const photo = path.join(peopleDir, 'ada-okafor.jpg');
  await writeFile(photo, await cameraPhoto());
  await writeFile(path.join(peopleDir, 'tomas-ferreira.jpg'), await cameraPhoto(16));
  const dist = path.join(work, 'dist');
  await buildSite({
    PAPERS_DIR: papersDir,
    PEOPLE_DIR: peopleDir,
    DIST_DIR: dist,
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
    SITE_BASE: BASE.replace(/\/$/, ''),
  });
  project.provide('labSite', { dist, base: BASE, peopleDir, photo });
  return () => rm(work, { recursive: true, force: true });
}
