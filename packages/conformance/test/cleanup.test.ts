// Deployment.cleanup against a stand-in Nova that answers as Nova 34 does when a server vanishes
// between its lookup and its save (the unlock action does not map InstanceNotFound to 404).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Deployment } from '../src/deployment.ts';

const GONE = JSON.stringify({ computeFault: { code: 500, message: "Unexpected API Error. Please contact the administrator\n<class 'nova.exception.InstanceNotFound'>" } });
const OTHER = JSON.stringify({ computeFault: { code: 500, message: "Unexpected API Error. Please contact the administrator\n<class 'oslo_db.exception.DBError'>" } });

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A Nova whose unlock answers `unlockBody` with 500; records every request it is sent. */
async function standIn(unlockBody: string): Promise<{ deployment: Deployment; seen: string[] }> {
  const seen: string[] = [];
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push(`${request.method} ${request.url} ${body}`);
      if (request.method === 'POST' && body.includes('unlock')) {
        response.writeHead(500, { 'Content-Type': 'application/json' }).end(unlockBody);
      } else if (request.method === 'GET') {
        response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"itemNotFound": {"code": 404, "message": "gone"}}');
      } else {
        response.writeHead(202).end();
      }
    });
  });
  await new Promise<void>((listening) => server!.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  const compute = `http://127.0.0.1:${port}/v2.1`;
  return { deployment: new Deployment({ compute, image: compute }, async () => {}), seen };
}

describe('Deployment.cleanup', () => {
  it('takes a 500 naming InstanceNotFound as a server already gone, and sends it nothing more', async () => {
    const { deployment, seen } = await standIn(GONE);
    deployment.adopt('a-vanished-server');
    await deployment.cleanup();
    expect(seen.filter((line) => line.startsWith('POST') || line.startsWith('DELETE'))).toEqual([
      'POST /v2.1/servers/a-vanished-server/action {"unlock":null}',
    ]);
  });

  it('still fails on any other 500', async () => {
    const { deployment } = await standIn(OTHER);
    deployment.adopt('a-server');
    await expect(deployment.cleanup()).rejects.toThrow(/answered 500: .*DBError/s);
  });
});
