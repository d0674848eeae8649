import { defineConfig } from 'vitest/config';

// Starting a mock reads and compiles the 104 views: on a loaded machine that takes more than
// vitest's default 10 s hook timeout, and every test file starts its own.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } });
