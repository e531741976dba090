/**
 * The bad-input battery's generator: from the OpenAPI document alone, a plausible request for every
 * write operation (its baseline) and the bad variants of it that an attacker or a careless client
 * sends. Nothing here names a route, so an operation added tomorrow is covered without anyone adding
 * it. Deterministic: fast-check draws with a fixed seed.
 *
 * One file on purpose (over 400 lines): one generator read top to bottom (the write operations, a
 * baseline sampled from each schema, the bad variants derived from it), whose parts share the World
 * and the schema walk.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
  'x-siaga-terbuka'?: boolean;
}

export interface Operation {
  method: string;
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  headerParams: { name: string; schema: JsonSchema; required: boolean }[];
  /** The JSON body's schema; undefined when the operation takes none or takes multipart. */
  body: JsonSchema | undefined;
  multipart: boolean;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

export function writeOperations(doc: OpenApiDoc): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!WRITE_METHODS.has(method)) continue;
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters
          .filter((p) => p.in === 'path')
          .map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        headerParams: parameters
          .filter((p) => p.in === 'header')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: content['application/json']?.schema,
        // Upload routes declare no body: they read multipart themselves (path says "import" or "foto").
        multipart: content['application/json'] === undefined && /import|foto/.test(path),
      });
    }
  }
  return operations;
}

/** What the battery knows of the seeded world, to make baselines that reach past validation. */
export interface World {
  /** Kode wilayah inside the acting user's scope, by level. */
  kode: { provinsi: string; kabkota: string; kecamatan: string; kelurahan: string };
  /** A record id for a field or path parameter, by a hint (its name and the path), if one is known. */
  idFor: (hint: string) => string | undefined;
  now: Date;
  seed: number;
  /** A closed election: no write may change anything in it. */
  closedPemilihan: string;
}

function nonNull(schemas: JsonSchema[]): JsonSchema {
  return schemas.find((s) => s.type !== 'null') ?? schemas[0]!;
}

/** A value of `schema` for a field called `name` that the contract would accept, as far as a schema says. */
export function sampleValue(schema: JsonSchema, name: string, world: World): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sampleValue(nonNull(schema.anyOf), name, world);
  if (schema.oneOf) return sampleValue(nonNull(schema.oneOf), name, world);
  if (schema.allOf) return sampleValue(schema.allOf[0]!, name, world);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || sub.default === undefined)
          value[key] = sampleValue(sub, key, world);
      }
      return value;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () =>
        sampleValue(schema.items ?? {}, name, world),
      );
    case 'integer':
    case 'number': {
      const low = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? 1);
      const wanted = /version/i.test(name) ? 1 : Math.max(low, 1);
      return Math.min(wanted, schema.maximum ?? wanted);
    }
    case 'boolean':
      return false;
    case 'string':
    case undefined:
      return sampleString(schema, name, world);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema, name: string, world: World): string {
  if (schema.format === 'uuid') {
    if (/^clientId$|^submissionId$|^id$/.test(name)) return randomUuid(world);
    return world.idFor(name) ?? randomUuid(world);
  }
  if (schema.format === 'date-time') return world.now.toISOString();
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$' || schema.format === 'date')
    return world.now.toISOString().slice(0, 10);
  if (schema.pattern) {
    return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { seed: world.seed, numRuns: 1 })[0]!;
  }
  const kode = kodeFor(name, world);
  if (kode) return kode;
  if (/password/i.test(name)) return 'kata-sandi-uji-123';
  if (/username/i.test(name))
    return `uji.${fc.sample(fc.stringMatching(/^[a-z]{8}$/), { seed: nextSeed(world), numRuns: 1 })[0]}`;
  const text = 'uji battery';
  return text.slice(0, schema.maxLength ?? text.length).padEnd(schema.minLength ?? 0, 'x');
}

function kodeFor(name: string, world: World): string | undefined {
  if (/kelurahan|desa/i.test(name)) return world.kode.kelurahan;
  if (/kecamatan/i.test(name)) return world.kode.kecamatan;
  if (/provinsi/i.test(name)) return world.kode.provinsi;
  if (/kode|wilayah/i.test(name)) return world.kode.kabkota;
  return undefined;
}

let seedCounter = 0;
function nextSeed(world: World): number {
  seedCounter += 1;
  return world.seed + seedCounter;
}

function randomUuid(world: World): string {
  return fc.sample(fc.uuid({ version: 4 }), { seed: nextSeed(world), numRuns: 1 })[0]!;
}

/** One bad request: a name for the report, and whether any acceptance of it is itself a fault. */
export interface Variant {
  name: string;
  /** Raw payload (string or bytes) with its content type, or a JSON value. */
  payload?: string | Buffer;
  json?: unknown;
  contentType?: string;
  pathParams?: Record<string, string>;
  /** A query string of its own (else the harness names the demo election). */
  query?: string;
  /** Accepting this input is wrong whatever the operation (NUL, lone surrogates, unknown fields…). */
  mustRefuse: boolean;
  /** Whatever the answer, nothing may be written (a request in a closed election). */
  mustNotWrite?: boolean;
}

const HUGE = 'x'.repeat(100_000);

type Bad = [name: string, value: unknown, mustRefuse: boolean];

/** The type a field's schema declares (the non-null one of a nullable), or undefined when it is open. */
function declaredType(schema: JsonSchema): string | undefined {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return declaredType(nonNull(options));
  if (schema.enum || schema.const !== undefined) return 'enum';
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  return type === 'integer' ? 'number' : type;
}

/**
 * The values a field gets in turn: wrong types for every field, and what can go wrong within its own
 * type (hostile text, out-of-range numbers, unknown codes and ids, absurd dates). A field whose
 * schema says nothing gets them all.
 */
function fieldValues(name: string, schema: JsonSchema, world: World): Bad[] {
  const future = new Date(world.now.getTime() + 400 * 86_400_000).toISOString();
  const leafName = name.split('.').pop() ?? name;
  // A code names an area: an unknown one is never a valid answer. A nested `kode` names something else
  // (an indicator, a stage); only top-level ones and fields that say what area they name are areas.
  const isKode =
    /wilayah|kecamatan|kelurahan|desa|provinsi/i.test(leafName) ||
    (leafName === 'kode' && !name.includes('.'));
  // A moment something happened cannot lie ahead.
  const isPastFact = /^(dibuat|terjadi|diketahui|dilaporkan)At$/.test(leafName);
  const wrongTypes: Bad[] = [
    ['null', null, false],
    ['true', true, false],
    ['object', {}, false],
    ['array', [], false],
  ];
  const text: Bad[] = [
    ['string', 'x', false],
    ['empty', '', false],
    ['nul', 'a\u0000b', true],
    ['lone high surrogate', 'a\uD800b', true],
    ['lone low surrogate', '\uDC00', true],
    ['huge string', HUGE, true],
    ['formula', '=HYPERLINK("http://x")', false],
  ];
  const numbers: Bad[] = [
    ['zero', 0, false],
    ['negative', -1, false],
    ['fraction', 1.5, false],
    ['int32 max + 1', 2 ** 31, false],
    ['int32 min - 1', -(2 ** 31) - 1, false],
    ['beyond safe integer', 2 ** 60, true],
    ['huge number', 1e308, true],
    ['number as string', '1', false],
  ];
  const ids: Bad[] = [
    ['unknown uuid', randomUuid(world), false],
    ['nil uuid', '00000000-0000-0000-0000-000000000000', false],
  ];
  const codes: Bad[] = [
    ['unknown provinsi', '99', isKode],
    ['unknown kabkota', '99.99', isKode],
    ['unknown kecamatan', `${world.kode.kabkota}.99`, isKode],
    ['unknown kelurahan', `${world.kode.kecamatan}.9999`, isKode],
    ['kelurahan of another kabkota', '73.71.01.1001', false],
  ];
  const dates: Bad[] = [
    ['date far future', '9999-12-31T23:59:59.000Z', isPastFact],
    ['date year one', '0001-01-01T00:00:00.000Z', false],
    ['date next year', future, isPastFact],
    ['date impossible', '2024-02-30', false],
    ['day far future', '9999-12-31', false],
  ];
  const type = declaredType(schema);
  const own: Bad[] =
    type === 'number'
      ? [...numbers, ['string', 'x', false]]
      : type === 'boolean'
        ? [
            ['string', 'x', false],
            ['zero', 0, false],
          ]
        : type === 'enum'
          ? [text[0]!, text[1]!, text[2]!, text[3]!, ['zero', 0, false]]
          : type === 'array' || type === 'object'
            ? [text[0]!, ['zero', 0, false]]
            : type === 'string' && schema.format === 'uuid'
              ? [...ids, text[0]!, text[2]!, text[3]!, ['zero', 0, false]]
              : type === 'string' && (schema.format === 'date-time' || schema.pattern?.startsWith('^\\d{4}'))
                ? [...dates, text[0]!, text[2]!, ['zero', 0, false]]
                : type === 'string'
                  ? [...text, ...(isKode ? codes : []), ['zero', 0, false], ['huge number', 1e308, false]]
                  : [...text, ...numbers, ...ids, ...codes, ...dates];
  // Two values drawn at random as well, so the battery is not only what its author thought of.
  const drawn = fc.sample(fc.jsonValue({ maxDepth: 2 }), { seed: world.seed + name.length, numRuns: 2 });
  return [...wrongTypes, ...own, ...drawn.map((value, i): Bad => [`drawn ${i}`, value, false])];
}

interface Leaf {
  path: (string | number)[];
  schema: JsonSchema;
}

/** The fields of a baseline body (nested objects and the first element of arrays), with their schemas. */
function leaves(value: unknown, schema: JsonSchema, path: (string | number)[] = []): Leaf[] {
  const resolved = schema.anyOf ? nonNull(schema.anyOf) : schema.oneOf ? schema.oneOf[0]! : schema;
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    return [{ path, schema }, ...leaves(value[0], resolved.items ?? {}, [...path, 0])];
  }
  if (value !== null && typeof value === 'object') {
    const out: Leaf[] = path.length > 0 ? [{ path, schema }] : [];
    for (const [key, sub] of Object.entries(value)) {
      out.push(...leaves(sub, resolved.properties?.[key] ?? {}, [...path, key]));
    }
    return out;
  }
  return [{ path, schema }];
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/**
 * A copy of `body` with new client ids (fields named clientId or submissionId, at any depth), so
 * that a variant is processed rather than answered as a replay of the baseline.
 */
export function withFreshClientIds(body: unknown, world: World): unknown {
  if (Array.isArray(body)) return body.map((item) => withFreshClientIds(item, world));
  if (body === null || typeof body !== 'object') return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      /^(clientId|submissionId)$/.test(key) && typeof value === 'string'
        ? randomUuid(world)
        : withFreshClientIds(value, world),
    ]),
  );
}

/** Every bad variant of an operation whose baseline body is `baseline`. */
export function variantsOf(op: Operation, baseline: unknown, world: World): Variant[] {
  const variants: Variant[] = [];
  const fresh = () => withFreshClientIds(baseline, world);
  const pathBad: [string, string, boolean][] = [
    ['unknown uuid', randomUuid(world), false],
    ['not a uuid', 'bukan-id', false],
    ['long', 'a'.repeat(101), false],
    ['very long', 'a'.repeat(5000), false],
    ['nul', '%00', true],
    ['invalid utf-8', '%ED%A0%80', true],
    ['unknown kabkota', '99.99', false],
    ['unknown kelurahan', `${world.kode.kecamatan}.9999`, false],
    ['dots', '..', false],
  ];
  for (const param of op.pathParams) {
    for (const [name, value, mustRefuse] of pathBad) {
      variants.push({
        name: `path ${param.name}: ${name}`,
        pathParams: { [param.name]: value },
        json: fresh(),
        mustRefuse,
      });
    }
  }
  // The election the request names (`?pemilihan=`): absent, malformed, unknown, hostile, or closed.
  const pemilihan = op.queryParams.find((p) => p.name === 'pemilihan');
  if (pemilihan) {
    const pemilihanBad: [string, string, boolean][] = [
      ['empty', '', true],
      ['not a uuid', 'bukan-id', true],
      ['unknown uuid', randomUuid(world), true],
      ['nil uuid', '00000000-0000-0000-0000-000000000000', true],
      ['nul', '%00', true],
      ['invalid utf-8', '%ED%A0%80', true],
      ['very long', 'a'.repeat(5000), true],
    ];
    for (const [name, value, mustRefuse] of pemilihanBad)
      variants.push({ name: `pemilihan: ${name}`, query: `pemilihan=${value}`, json: fresh(), mustRefuse });
    variants.push({
      name: 'pemilihan: closed',
      query: `pemilihan=${world.closedPemilihan}`,
      json: fresh(),
      mustRefuse: false,
      // Only a route that changes the election's records needs it open (a field observation is the
      // TPS's, read back in the election named).
      mustNotWrite: pemilihan.schema['x-siaga-terbuka'] === true,
    });
  }
  if (op.multipart) {
    variants.push({ name: 'no multipart', json: {}, mustRefuse: true });
    return variants;
  }
  const text = JSON.stringify(fresh() ?? {});
  const raw: [string, string | Buffer, string, boolean][] = [
    ['empty body', '', 'application/json', op.body !== undefined],
    ['malformed', '{"a":', 'application/json', true],
    ['truncated', text.slice(0, Math.max(1, Math.floor(text.length / 2))), 'application/json', true],
    ['null body', 'null', 'application/json', op.body !== undefined],
    ['array body', '[]', 'application/json', op.body !== undefined],
    ['string body', '"x"', 'application/json', op.body !== undefined],
    ['number body', '12345678901234567890', 'application/json', op.body !== undefined],
    ['utf-16 body', Buffer.from(`\uFEFF${text}`, 'utf16le'), 'application/json', true],
    [
      'invalid utf-8 body',
      Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
      'application/json',
      op.body !== undefined,
    ],
    ['nul escape', text.replace(/"([^"]*)"/, '"$1\\u0000"'), 'application/json', op.body !== undefined],
    ['proto pollution', '{"__proto__":{"admin":true}}', 'application/json', true],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json', op.body !== undefined],
    ['text/plain', text, 'text/plain', op.body !== undefined],
    ['form', 'a=1', 'application/x-www-form-urlencoded', op.body !== undefined],
    ['over body limit', `{"x":"${'y'.repeat(1_100_000)}"}`, 'application/json', true],
  ];
  for (const [name, payload, contentType, mustRefuse] of raw)
    variants.push({ name, payload, contentType, mustRefuse });
  if (op.body === undefined) return variants;
  if (baseline !== null && typeof baseline === 'object' && !Array.isArray(baseline)) {
    variants.push({
      name: 'extra field',
      json: { ...(fresh() as object), bidangAsing: 1 },
      mustRefuse: true,
    });
  }
  for (const leaf of leaves(baseline, op.body)) {
    const label = leaf.path.join('.');
    variants.push({
      name: `${label}: missing`,
      json: setAt(fresh(), leaf.path, undefined, true),
      mustRefuse: false,
    });
    const value = leaf.path.reduce<unknown>(
      (node, key) => (node as Record<string | number, unknown>)[key],
      baseline,
    );
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      variants.push({
        name: `${label}: extra field`,
        json: setAt(fresh(), [...leaf.path, 'bidangAsing'], 1),
        mustRefuse: true,
      });
    }
    for (const [name, bad, mustRefuse] of fieldValues(label, leaf.schema, world)) {
      variants.push({ name: `${label}: ${name}`, json: setAt(fresh(), leaf.path, bad), mustRefuse });
    }
  }
  return variants;
}

/** The operation's path with its parameters filled in (percent-encoded unless already encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name] ?? '';
    return value.includes('%') ? value : encodeURIComponent(value);
  });
}
