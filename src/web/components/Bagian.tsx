import { useState, type ReactNode } from 'react';

/** Where there is room for it (a desk); a phone opens a heavy section (a map) only when asked. */
export const wideScreen = (): boolean =>
  typeof window !== 'undefined' && window.matchMedia('(min-width: 48rem)').matches;

/**
 * A section that mounts its content only once opened: a phone that never opens a map never loads
 * MapLibre (issue 14: the map library loads only where a map is shown), and forms cost nothing until
 * needed.
 */
export function Bagian(props: { title: string; testId: string; defaultOpen?: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  return (
    <details
      className="card bagian"
      open={open}
      data-testid={props.testId}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <h2>{props.title}</h2>
      </summary>
      {open && props.children}
    </details>
  );
}
