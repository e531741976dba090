/**
 * The one validator of every route's body, query, params and headers: the route's zod contract,
 * framed by two rules that hold for every field of every operation (issue 17, docs/decisions/0012-bad-input.md):
 * - text may not hold a NUL character or a lone UTF-16 surrogate (PostgreSQL refuses the first in
 *   `text` and `jsonb`, and the second cannot be encoded as UTF-8), refused before the contract runs;
 * - a field the contract does not name is refused, not silently dropped, so a client that misspells
 *   a field learns it at once.
 * Both answer 400 `validation` naming the field, in the same shape as the contract's own issues.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { DomainError } from '../errors';

type Path = (string | number)[];

// eslint-disable-next-line no-control-regex -- the NUL character is exactly what is looked for
const FORBIDDEN_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Nesting deeper than this is no request Siaga takes (and walking it would risk the stack). */
export const MAX_DEPTH = 32;

/**
 * The first string (or key) holding a NUL or a lone surrogate, or the first value nested deeper than
 * MAX_DEPTH: its path and why. Walks with a stack of its own, so no input can overflow the call stack.
 */
export function findForbiddenText(value: unknown): { path: Path; tooDeep: boolean } | undefined {
  const stack: { value: unknown; path: Path }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (FORBIDDEN_TEXT.test(item.value)) return { path: item.path, tooDeep: false };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.path.length >= MAX_DEPTH) return { path: item.path, tooDeep: true };
    const entries = Array.isArray(item.value)
      ? item.value.map((v, i) => [i, v] as const)
      : Object.entries(item.value as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (typeof key === 'string' && FORBIDDEN_TEXT.test(key))
        return { path: [...item.path, key], tooDeep: false };
      stack.push({ value: child, path: [...item.path, key] });
    }
  }
  return undefined;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The path of the first key in `value` that `schema` does not name, whether the object would strip it
 * or refuse it (zod's own refusal names no field); objects that pass unknown keys through on purpose
 * (a catch-all schema) are left alone.
 */
export function findUnknownKey(schema: z.ZodType, value: unknown, path: Path = []): Path | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      for (const [key, item] of Object.entries(value)) {
        const field = def.shape?.[key];
        if (field) {
          const found = findUnknownKey(field, item, [...path, key]);
          if (found) return found;
        } else if (def.catchall === undefined || defOf(def.catchall).type === 'never') return [...path, key];
      }
      return undefined;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return value === undefined || value === null ? undefined : findUnknownKey(def.innerType!, value, path);
    case 'pipe':
      return findUnknownKey(def.in!, value, path);
    case 'lazy':
      return findUnknownKey(def.getter!(), value, path);
    case 'array':
      if (!Array.isArray(value)) return undefined;
      for (let i = 0; i < value.length; i++) {
        const found = findUnknownKey(def.element!, value[i], [...path, i]);
        if (found) return found;
      }
      return undefined;
    case 'tuple':
      if (!Array.isArray(value)) return undefined;
      for (let i = 0; i < value.length; i++) {
        const item = def.items?.[i] ?? def.rest;
        const found = item ? findUnknownKey(item, value[i], [...path, i]) : undefined;
        if (found) return found;
      }
      return undefined;
    case 'record':
      if (value === null || typeof value !== 'object') return undefined;
      for (const [key, item] of Object.entries(value)) {
        const found = findUnknownKey(def.valueType!, item, [...path, key]);
        if (found) return found;
      }
      return undefined;
    case 'union': {
      // The option the value was accepted by is the one whose fields count.
      const option = def.options?.find((o) => o.safeParse(value).success);
      return option ? findUnknownKey(option, value, path) : undefined;
    }
    case 'intersection':
      return undefined;
    default:
      return undefined;
  }
}

function refusal(path: Path, message: string): DomainError {
  const field = path.join('.');
  return new DomainError('validation', `${message}: ${field || '(isi)'}`, {
    issues: [{ path: field, message }],
  });
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  const schema = route.schema;
  return (data) => {
    const forbidden = findForbiddenText(data);
    if (forbidden?.tooDeep) return { error: refusal(forbidden.path, 'Data bertingkat terlalu dalam') };
    if (forbidden)
      return {
        error: refusal(
          forbidden.path,
          'Teks berisi karakter yang tidak diizinkan (NUL atau surrogate tunggal)',
        ),
      };
    // Only the body is held to its names: query strings and headers carry what browsers and proxies add.
    if (route.httpPart === 'body') {
      const unknown = findUnknownKey(schema, data);
      if (unknown) return { error: refusal(unknown, 'Kolom tidak dikenal') };
    }
    return validate(data) as { value: unknown } | { error: Error };
  };
};
