import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

/** A source file by its path from the repository root (`apps/credit/src/…`). */
export interface SourceFile {
  path: string;
  source: string;
}

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFilesUnder(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every TypeScript file under the given top-level folders (`apps`, `libs`). */
export function sourceFiles(...folders: string[]): SourceFile[] {
  return folders.flatMap((folder) =>
    tsFilesUnder(join(ROOT, folder)).map((file) => ({
      path: relative(ROOT, file),
      source: readFileSync(file, 'utf8'),
    })),
  );
}

/** The module specifiers a file imports (static and dynamic). */
export function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}
