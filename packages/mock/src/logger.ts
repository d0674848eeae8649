/**
 * Prism wants a pino-like logger. The mock keeps quiet: Prism's default logging writes a line per
 * request and per example check (tens of MB under load), and the mock reports what matters itself.
 */
import type { createInstance } from '@stoplight/prism-http';

type PrismLogger = Parameters<typeof createInstance>[1]['logger'];

const noop = () => undefined;
const base = { fatal: noop, error: noop, warn: noop, info: noop, debug: noop, trace: noop, success: noop, silent: noop, level: 'silent' };
export const silentLogger: PrismLogger = Object.assign(base, { child: () => silentLogger }) as unknown as PrismLogger;
