/** The benchmark's baseline: a bare Node HTTP server replaying recorded answers (status, headers, body). */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const answers = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, { status: number; headers: Record<string, string>; body: string }>;
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const answer = answers[`${request.method} ${request.url}`];
    if (!answer) return void response.writeHead(404).end();
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`bare server at http://127.0.0.1:${(server.address() as AddressInfo).port}`));
