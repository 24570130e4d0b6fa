import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import dataStoreFromDisk from '../../integrations/data-store-from-disk.ts';

/** The Vite plugin the integration registers for a config, or undefined when it registers none. */
function pluginFor(command: 'build' | 'dev', output: 'static' | 'server', cacheDir: string): Plugin | undefined {
  let plugins: Plugin[] | undefined;
  const setup = dataStoreFromDisk().hooks['astro:config:setup'] as (options: unknown) => void;
  setup({
    command,
    config: { output, cacheDir: pathToFileURL(`${cacheDir}/`) },
    updateConfig: (config: { vite: { plugins: Plugin[] } }) => (plugins = config.vite.plugins),
  } as never);
  return plugins?.[0];
}

function transform(plugin: Plugin, code: string, id: string): unknown {
  return (plugin.transform as (code: string, id: string) => unknown)(code, id);
}

describe('data-store-from-disk', () => {
  it('replaces only the inlined data-store module, with a read of the cache file, when the file exists', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'data-store-'));
    try {
      const plugin = pluginFor('build', 'static', cacheDir);
      expect(plugin).toBeDefined();
      const inlined = 'export default JSON.parse("[[\\"Map\\"]]")';
      expect(transform(plugin!, inlined, '\0astro:data-layer-content')).toBeNull(); // no file yet
      await writeFile(path.join(cacheDir, 'data-store.json'), '[["Map"]]');
      const replaced = transform(plugin!, inlined, '\0astro:data-layer-content') as { code: string };
      expect(replaced.code).toContain(
        `readFileSync(${JSON.stringify(path.join(cacheDir, 'data-store.json'))}, 'utf8')`,
      );
      expect(replaced.code).not.toContain('[[\\"Map\\"]]');
      expect(transform(plugin!, inlined, '/src/pages/index.astro')).toBeNull();
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('leaves dev and server builds to Astro', () => {
    expect(pluginFor('dev', 'static', '/tmp/x')).toBeUndefined();
    expect(pluginFor('build', 'server', '/tmp/x')).toBeUndefined();
  });
});
