import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { GlimmerSystem } from './support/system';

const ROOT = join(__dirname, '..', '..');

/** The web app's API types are generated from the gateway's OpenAPI document and must not drift. */
describe('web app API client', () => {
  it('matches the OpenAPI document the compiled gateway produces', () => {
    const check = spawnSync(process.execPath, ['scripts/api-client.mjs', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  describe('against a running gateway', () => {
    let system: GlimmerSystem;
    beforeAll(async () => {
      system = await new GlimmerSystem('api-client').start();
    });
    afterAll(() => system?.stop());

    it('is generated from the same document /docs-json serves', async () => {
      const served = await (await fetch(`${system.baseUrl}/docs-json`)).json();
      const printed = spawnSync(process.execPath, ['dist/apps/gateway/src/main.js', 'openapi'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(printed.status).toBe(0);
      expect(JSON.parse(printed.stdout)).toEqual(served);
    });
  });
});
