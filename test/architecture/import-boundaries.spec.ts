import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** Where a relative import lands, as `apps/<name>` or `libs/<name>`, or null for packages. */
function areaOf(file: string, specifier: string): string | null {
  if (specifier.startsWith('@glimmer/')) return `libs/${specifier.split('/')[1]}`;
  if (!specifier.startsWith('.')) return null;
  const target = relative(ROOT, resolve(dirname(file), specifier)).split('/');
  return target.length >= 2 ? `${target[0]}/${target[1]}` : null;
}

describe('architecture: import boundaries', () => {
  const files = [...tsFiles(join(ROOT, 'apps')), ...tsFiles(join(ROOT, 'libs'))];

  it('finds the code', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no app imports another app, and no lib imports an app', () => {
    const violations: string[] = [];
    for (const file of files) {
      const own = relative(ROOT, file).split('/').slice(0, 2).join('/');
      for (const specifier of importsOf(file)) {
        const area = areaOf(file, specifier);
        if (area?.startsWith('apps/') && area !== own)
          violations.push(`${relative(ROOT, file)} → ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('libs are imported through @glimmer/<lib>/<file>, not by relative paths into libs', () => {
    const violations: string[] = [];
    for (const file of files) {
      const own = relative(ROOT, file).split('/').slice(0, 2).join('/');
      for (const specifier of importsOf(file)) {
        const area = areaOf(file, specifier);
        if (specifier.startsWith('.') && area?.startsWith('libs/') && area !== own) {
          violations.push(`${relative(ROOT, file)} → ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});
