import { useEffect, useState } from 'react';
import type { OutboxItem, OutboxState } from './outbox';
import { outbox } from './outbox-browser';

/** The outbox's items, oldest first, kept current. */
export function useOutboxItems(): OutboxItem[] {
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    let live = true;
    const off = outbox.subscribe(setItems);
    void outbox.items().then((all) => {
      if (live) setItems(all);
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  return items;
}

export type SubmissionState = OutboxState | 'sent' | 'none';

/** Where one filed submission stands, for the form that filed it. */
export function useSubmissionState(id: string | null): SubmissionState {
  const items = useOutboxItems();
  if (id === null) return 'none';
  const item = items.find((i) => i.id === id);
  if (item) return item.state;
  return outbox.wasSent(id) ? 'sent' : 'none';
}
