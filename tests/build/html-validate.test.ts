/**
 * Every page of the built site passes html-validate with the project's settings
 * (.htmlvalidate.mjs: recommended + document rules, the few exceptions explained there).
 * The settings are loaded explicitly: html-validate looks for its config next to each
 * file, and dist/ may be built outside the project (DIST_DIR). Run over the seed site and the
 * example lab (people, profiles, photos).
 */
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { DIST } from '../helpers/dist.ts';
import config from '../../.htmlvalidate.mjs';
import { listFiles } from './support/html.ts';

describe.each([
  { site: 'the seed site', dist: DIST },
  { site: 'the example lab', dist: inject('labSite').dist },
])('html-validate on $site', ({ dist }) => {
  it('reports zero errors on every page of the site', async () => {
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const pages = listFiles(dist).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(path.join(dist, page));
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${page}:${message.line}:${message.column}: ${message.message} (${message.ruleId})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
