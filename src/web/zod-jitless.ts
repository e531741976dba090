/**
 * `zod` as the web app imports it (vite.config.ts aliases the bare specifier here): Zod told, before
 * any module builds a schema, not to compile parsers with `new Function`. Under the app's strict
 * Content-Security-Policy (no 'unsafe-eval', server/http/security-headers.ts) even Zod's caught probe
 * of `new Function` is reported as a policy violation. Setting this in the entry module is too late:
 * the bundler evaluates shared chunks (the contracts and their schemas) before the entry's own body.
 * Every module that imports `zod` imports this one first, so the setting always comes first.
 * Parsing in the browser needs no JIT (docs/decisions/0013-security-headers.md).
 */
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { z as default } from 'zod/v4';
