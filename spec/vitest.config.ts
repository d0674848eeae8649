import { defineConfig } from 'vitest/config';

// Compiling a whole view in Ajv takes seconds on a busy 2-core machine; the default 5 s is too tight.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 } });
