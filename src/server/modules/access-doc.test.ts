/**
 * docs/domain/access.md carries the role × permission table of roles.ts: this test reads the doc's
 * table and compares it with the code, so that the doc cannot say a role "only reads" while the code
 * lets it report (issue #16).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../../domain/access/roles';

const doc = readFileSync(path.join(import.meta.dirname, '../../../docs/domain/access.md'), 'utf8');

function docTable(): Map<string, Set<string>> {
  const lines = doc.split('\n').filter((l) => l.startsWith('| '));
  const header = lines.find((l) => l.startsWith('| permission |'));
  if (!header) throw new Error('no permission table in access.md');
  const roles = header
    .split('|')
    .slice(3, -1)
    .map((c) => c.trim());
  const table = new Map(roles.map((r) => [r, new Set<string>()]));
  for (const line of lines) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const permission = /^`(.+)`$/.exec(cells[0] ?? '')?.[1];
    if (!permission) continue;
    cells.slice(2).forEach((mark, i) => {
      if (mark === '✓') table.get(roles[i]!)!.add(permission);
    });
  }
  return table;
}

describe('docs/domain/access.md', () => {
  it('lists every role and permission of roles.ts, with the same grants', () => {
    const table = docTable();
    expect([...table.keys()]).toEqual([...ROLES]);
    for (const role of ROLES)
      expect([...table.get(role)!].sort()).toEqual([...ROLE_PERMISSIONS[role]].sort());
    const listed = new Set([...doc.matchAll(/^\| `([a-z_]+:[a-z_]+)` \|/gm)].map((m) => m[1]));
    expect([...listed].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('gives the checklist to Bawaslu and observations to the lurah, camat and tiga pilar', () => {
    const fillers = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('kerawanan:assess'));
    expect(fillers).toEqual(['admin', 'pengawas']);
    for (const role of ['camat', 'lurah', 'babinsa', 'bhabinkamtibmas'] as const) {
      expect(ROLE_PERMISSIONS[role]).toContain('kerawanan:observe');
      expect(ROLE_PERMISSIONS[role]).toEqual(expect.arrayContaining(['laporan:submit', 'kejadian:report']));
    }
  });
});
