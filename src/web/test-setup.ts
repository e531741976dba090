import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/preact';
import { afterAll, afterEach } from 'vitest';

afterEach(() => cleanup());

// Preact runs effects after the next frame, with a 100 ms timer as the fallback, and that timer calls
// cancelAnimationFrame. When a file ends within 100 ms of a render, jsdom's window is gone before the
// timer fires, and it throws "cancelAnimationFrame is not defined" outside any test (seen once in
// AuditPage.test.tsx). One frame at the end of each file lets those effects run while the window is
// still there; their timers are cleared by it.
afterAll(async () => {
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
});
