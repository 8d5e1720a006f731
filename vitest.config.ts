import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests spawn the built command, and end-to-end tests drive a real browser.
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
