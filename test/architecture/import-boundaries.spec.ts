import { dirname, join, relative, resolve } from 'node:path';
import { importsOf, ROOT, SourceFile, sourceFiles } from './support/source-tree';

/** Where an import lands, as `apps/<name>` or `libs/<name>`, or null for packages. */
function areaOf(file: string, specifier: string): string | null {
  if (specifier.startsWith('@glimmer/')) return `libs/${specifier.split('/')[1]}`;
  if (!specifier.startsWith('.')) return null;
  const target = relative(ROOT, resolve(dirname(join(ROOT, file)), specifier)).split('/');
  return target.length >= 2 ? `${target[0]}/${target[1]}` : null;
}

/** Every import of the tree that `isViolation(own area, target area, specifier)` refuses. */
function violations(
  files: SourceFile[],
  isViolation: (own: string, area: string | null, specifier: string) => boolean,
): string[] {
  return files.flatMap(({ path, source }) => {
    const own = path.split('/').slice(0, 2).join('/');
    return importsOf(source)
      .filter((specifier) => isViolation(own, areaOf(path, specifier), specifier))
      .map((specifier) => `${path} → ${specifier}`);
  });
}

describe('architecture: import boundaries', () => {
  const files = sourceFiles('apps', 'libs');

  it('finds the code', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no app imports another app, and no lib imports an app', () => {
    expect(violations(files, (own, area) => !!area?.startsWith('apps/') && area !== own)).toEqual(
      [],
    );
  });

  it('libs are imported through @glimmer/<lib>/<file>, not by relative paths into libs', () => {
    expect(
      violations(
        files,
        (own, area, specifier) =>
          specifier.startsWith('.') && !!area?.startsWith('libs/') && area !== own,
      ),
    ).toEqual([]);
  });
});
