/**
 * A feature's texts reach the dictionary only when a module that imports its i18n.ts is loaded
 * (texts.ts): a page that showed another feature's key without importing it would show the bare key.
 * This reads the web app's source and checks, for every file, that each feature key it names (a
 * literal 'kej.title', or a template `harih.tahap.${s}` by its prefix) is defined in a module the file
 * reaches through its own static imports. Type-only imports do not count: they load nothing.
 */
import { describe, expect, it } from 'vitest';
import { id } from './id';

/** Every source file of the web app as text, keyed by its path from src/web ("features/x/Y.tsx"). */
const files = new Map(
  Object.entries(
    import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/*.d.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([file, source]) => [file.slice('../'.length), source]),
);

const featureTexts = import.meta.glob<Record<string, unknown>>('../features/*/i18n.ts', { eager: true });

/** Each feature module's keys, by its path from src/web. */
const dictionaries = new Map(
  Object.entries(featureTexts).map(([file, module]) => [
    file.slice('../'.length),
    Object.values(module)
      .filter((value): value is Record<string, string> => typeof value === 'object' && value !== null)
      .flatMap((texts) => Object.keys(texts)),
  ]),
);

/** `specifier` imported by `from`, as a path from src/web (or null outside the app). */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const base = parts.join('/');
  return (
    [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => files.has(candidate)) ?? null
  );
}

/** The modules a file loads: static imports and re-exports that are not type-only. */
function valueImports(file: string, source: string): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)\s+(type\s+)?([^'";]*?)\s*(?:from\s+)?'([^']+)';/gms;
  for (const match of source.matchAll(statement)) {
    const [, typeOnly, clause = '', specifier = ''] = match;
    if (typeOnly) continue;
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    // `import { type A, type B } from` loads nothing either.
    if (named && named[1]!.split(',').every((part) => part.trim() === '' || /^type\s/.test(part.trim()))) {
      continue;
    }
    const resolved = resolveImport(file, specifier);
    if (resolved) found.push(resolved);
  }
  return found;
}

const graph = new Map([...files].map(([file, source]) => [file, valueImports(file, source)]));

function reachable(file: string): Set<string> {
  const seen = new Set<string>();
  const stack = [file];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(graph.get(next) ?? []));
  }
  return seen;
}

describe('texts travel with the modules that show them', () => {
  it('defines every key once, in the shell dictionary or in one feature', () => {
    const seen = new Map<string, string>(Object.keys(id).map((key) => [key, 'i18n/id.ts']));
    const twice: string[] = [];
    for (const [file, keys] of dictionaries) {
      for (const key of keys) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${file}`);
        seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
  });

  it("has every file that names a feature's key import that feature's texts", () => {
    const owner = new Map<string, string>();
    for (const [file, keys] of dictionaries) for (const key of keys) owner.set(key, file);
    const missing: string[] = [];
    for (const [file, source] of files) {
      // The dictionaries themselves name keys as they define them.
      if (file.startsWith('i18n/') || /i18n(\.en)?\.ts$/.test(file)) continue;
      const needed = new Set<string>();
      // A quoted name followed by a colon names a property (a route, 'kerawanan.checklist': …), not a text.
      for (const match of source.matchAll(/'([A-Za-z][\w.-]*)'(?!\s*:)|`([A-Za-z][\w.-]*\.)\$\{/g)) {
        if (match[1] !== undefined) {
          const module = owner.get(match[1]);
          if (module) needed.add(module);
        } else {
          for (const [key, module] of owner) if (key.startsWith(match[2]!)) needed.add(module);
        }
      }
      if (needed.size === 0) continue;
      const loads = reachable(file);
      for (const module of needed) {
        if (!loads.has(module)) missing.push(`${file} → ${module}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('finds the imports it checks (a file known to show kejadian texts reaches them)', () => {
    expect(files.size).toBeGreaterThan(100);
    const form = reachable('features/kejadian/KejadianForm.tsx');
    expect(form.has('features/kejadian/i18n.ts')).toBe(true);
    expect(form.has('features/medsos/i18n.ts')).toBe(false);
    // Through another module: the detail page shows kejadian texts by way of useKejadianText.
    expect(reachable('features/kejadian/KejadianDetail.tsx').has('features/kejadian/i18n.ts')).toBe(true);
  });
});
