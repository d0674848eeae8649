/**
 * The benchmark's baseline: a bare Node HTTP server replaying recorded answers (status, headers, body).
 * An answer is found by `METHOD path` exactly, or else by the first recorded pattern (a regular
 * expression over `METHOD path`) that matches: the varied requests of one kind share one answer.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Recorded { status: number; headers: Record<string, string>; body: string; pattern?: string }
const answers = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, Recorded>;
const patterns = Object.values(answers).filter((a) => a.pattern).map((a) => ({ pattern: new RegExp(a.pattern!), answer: a }));
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const line = `${request.method} ${request.url}`;
    const answer = answers[line] ?? patterns.find((p) => p.pattern.test(line))?.answer;
    if (!answer) return void response.writeHead(404).end();
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`bare server at http://127.0.0.1:${(server.address() as AddressInfo).port}`));
