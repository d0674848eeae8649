#!/usr/bin/env -S node --max-semi-space-size=2
/** Command line: serve the mock compute API until interrupted. */
import { parseArgs } from 'node:util';
import * as nodeModule from 'node:module';

// Start-up is mostly compiling Prism's modules; V8's code cache on disk halves it after the first run.
// (Node 22.1 and later; older Node just starts slower.)
nodeModule.enableCompileCache?.();
const { startMockServer } = await import('../src/index.ts');

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8774' },
    'max-microversion': { type: 'string' },
    profile: { type: 'string' },
    stateful: { type: 'boolean', default: false },
    'build-delay-ms': { type: 'string' },
    'action-delay-ms': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: novaspec-mock [--host 127.0.0.1] [--port 8774] [--max-microversion 2.N] [--profile vhi|huawei-bms] [--stateful [--build-delay-ms N] [--action-delay-ms N]]');
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`novaspec-mock: --port must be a port number, got ${values.port}`);
  process.exit(2);
}
/** A delay option: a whole number of ms, or absent. */
const delay = (name: 'build-delay-ms' | 'action-delay-ms'): number | undefined => {
  const value = values[name];
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    console.error(`novaspec-mock: --${name} must be a whole number of ms, got ${value}`);
    process.exit(2);
  }
  if (!values.stateful) {
    console.error(`novaspec-mock: --${name} needs --stateful`);
    process.exit(2);
  }
  return ms;
};
const buildDelayMs = delay('build-delay-ms');
const actionDelayMs = delay('action-delay-ms');
try {
  const mock = await startMockServer({
    host: values.host, port,
    ...(values['max-microversion'] ? { maxMicroversion: values['max-microversion'] } : {}),
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values.stateful ? { stateful: true } : {}),
    ...(buildDelayMs !== undefined ? { buildDelayMs } : {}),
    ...(actionDelayMs !== undefined ? { actionDelayMs } : {}),
  });
  const mode = [values.profile ? `${values.profile} profile` : '', values.stateful ? 'stateful' : ''].filter(Boolean).join(', ');
  console.log(`novaspec-mock: compute API ${mock.range.min} to ${mock.range.max}${mode ? ` (${mode})` : ''} at ${mock.endpoint}`);
  // Started with --expose-gc (as the load test does), SIGUSR2 prints the live heap after a full
  // collection: the measure of growth that resident memory, which V8 keeps once grown, is not.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    process.on('SIGUSR2', () => {
      gc();
      console.log(`novaspec-mock: heap ${process.memoryUsage().heapUsed} bytes after a full collection`);
    });
  }
  const stop = () => void mock.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`novaspec-mock: ${(error as Error).message}`);
  process.exit(1);
}
