/**
 * The main job's last step (`npm start`, after turbo has built everything): serves the mock compute
 * API and the API reference on localhost until interrupted.
 *   MOCK_PORT (default 8774), DOCS_PORT (default 8080), HOST (default 127.0.0.1)
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { startMockServer } from '@novaspec/mock';

const host = process.env.HOST ?? '127.0.0.1';
const docsFile = join(import.meta.dirname, '..', 'packages', 'docs', 'dist', 'index.html');
if (!existsSync(docsFile)) {
  console.error(`serve: ${docsFile} is missing; run \`npx turbo run docs\` first`);
  process.exit(1);
}

const mock = await startMockServer({ host, port: Number(process.env.MOCK_PORT ?? 8774) });
const docs = createServer((request, response) => {
  if (request.url !== '/' && request.url !== '/index.html') {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  createReadStream(docsFile).pipe(response);
});
await new Promise<void>((resolve) => docs.listen(Number(process.env.DOCS_PORT ?? 8080), host, resolve));
const address = docs.address();
const docsPort = typeof address === 'object' && address ? address.port : process.env.DOCS_PORT;

console.log(`mock compute API (microversions ${mock.range.min} to ${mock.range.max}): ${mock.endpoint}`);
console.log(`  try: curl -H 'X-Auth-Token: any' -H 'OpenStack-API-Version: compute 2.47' ${mock.endpoint}/servers/detail`);
console.log(`API reference: http://${host}:${docsPort}/`);
console.log('Ctrl-C stops both.');

const stop = async () => {
  await mock.close();
  docs.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
