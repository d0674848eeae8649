/**
 * Key pairs in the stateful mock: `/os-keypairs` create (import a public key, or, up to 2.91, let
 * the mock generate one), list (by name; `limit`/`marker` and the next link from 2.35), show and
 * delete, per user as Nova keeps them. Nova 34, nova/api/openstack/compute/keypairs.py and its view,
 * KeypairAPI in nova/compute/api.py, nova/crypto.py, nova/objects/keypair.py.
 *
 * The caller is the user of the spec's key pair examples; from 2.10 `user_id` (query, or the
 * create body) names another user, as an admin may (policies are not modelled).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Answer } from '../answer-cache.ts';
import { empty, fault, json, minorOf, page, segment, type Json, type StateRequest } from './answers.ts';
import { project } from './render.ts';
import type { SpecExamples } from './spec-examples.ts';
import { naiveMicros } from './store.ts';

/** The quota `key_pairs`' default (nova/conf/quota.py): the most key pairs a user may hold. */
export const KEY_PAIRS = 100;

export interface KeypairRecord {
  name: string;
  user_id: string;
  type: 'ssh' | 'x509';
  public_key: string;
  fingerprint: string;
  created_at: string;
  id: number;
}

/** crypto.generate_fingerprint(): the MD5 of the key's base64 blob, in colon-separated hex. */
const colonHex = (digest: string) => digest.match(/../g)!.join(':');

/**
 * The fingerprint Nova computes for a key it imports, or undefined where Nova raises InvalidKeypair.
 * An SSH key must read as one (pyca's load_ssh_public_key): here, a type, a base64 blob whose first
 * field is that type; an X.509 key must be a PEM certificate (its SHA-1 over the DER).
 */
function fingerprintOf(publicKey: string, type: string): { fingerprint: string } | { reason: string } {
  if (type === 'x509') {
    const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(publicKey);
    const der = pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : undefined;
    // Nova appends cryptography's own error text, which the mock does not reproduce: its words here.
    if (!der || der.length === 0) return { reason: 'failed to generate X509 fingerprint. Error message: no PEM certificate found' };
    return { fingerprint: colonHex(createHash('sha1').update(der).digest('hex')) };
  }
  const [keyType, blob64] = publicKey.trim().split(/\s+/);
  const blob = blob64 && /^[A-Za-z0-9+/]+={0,2}$/.test(blob64) ? Buffer.from(blob64, 'base64') : undefined;
  const named = blob && blob.length > 4 ? blob.subarray(4, 4 + blob.readUInt32BE(0)).toString('latin1') : undefined;
  if (!keyType || !blob || named !== keyType) return { reason: 'failed to generate fingerprint' };
  return { fingerprint: colonHex(createHash('md5').update(blob).digest('hex')) };
}

/** An SSH wire-format string or mpint: a 4-byte length, then the bytes. */
const sshField = (bytes: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
};

/**
 * A generated key pair as crypto.generate_key_pair() shapes it: an `ssh-rsa` public key of 2048
 * bits commented `Generated-by-Nova`, its fingerprint, and a PEM private key. NOT A REAL KEY PAIR:
 * the modulus is random bytes (no primes are searched for, which would cost a second of CPU per
 * key), so the public key parses as an RSA key but nothing can sign for it, and the "private key"
 * is random bytes in an RSA PEM armour. A mock never runs an SSH server to log in to.
 */
function generated(): { public_key: string; private_key: string; fingerprint: string } {
  const modulus = randomBytes(256);
  modulus[0]! |= 0x80; // 2048 bits exactly
  modulus[255]! |= 1; // odd, as an RSA modulus is
  const blob = Buffer.concat([sshField(Buffer.from('ssh-rsa')), sshField(Buffer.from([1, 0, 1])), sshField(Buffer.concat([Buffer.from([0]), modulus]))]);
  const public_key = `ssh-rsa ${blob.toString('base64')} Generated-by-Nova`;
  const body = randomBytes(1190).toString('base64').match(/.{1,64}/g)!.join('\n');
  return { public_key, private_key: `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`, fingerprint: colonHex(createHash('md5').update(blob).digest('hex')) };
}

export class KeypairState {
  /** By user id, then by name. */
  readonly keypairs = new Map<string, Map<string, KeypairRecord>>();
  readonly #examples: SpecExamples;
  readonly #newest: string;
  readonly #caller: string;
  readonly #now: () => number;
  #nextId = 1;

  /** `now` is the mock's clock, which `created_at` is read from. */
  constructor(examples: SpecExamples, newest: string, now: () => number) {
    this.#examples = examples;
    this.#newest = newest;
    this.#now = now;
    const shown = (examples.response(newest, '/os-keypairs/{keypair_name}', 'get', '200').example as Json | undefined)?.keypair ?? {};
    this.#caller = String(shown.user_id ?? 'fake');
    this.reset();
  }

  /** The seed: every key pair of the newest list examples, the caller's. */
  reset(): void {
    this.keypairs.clear();
    this.#nextId = 1;
    const listed = this.#examples.allExamples(this.#newest, '/os-keypairs', 'get', '200')
      .flatMap((example) => ((example as Json | undefined)?.keypairs ?? []) as Json[]);
    const created = naiveMicros(this.#now());
    for (const { keypair } of listed) {
      if (!keypair?.name || this.#of(this.#caller).has(keypair.name)) continue;
      this.#add({ name: keypair.name, user_id: this.#caller, type: keypair.type ?? 'ssh', public_key: keypair.public_key, fingerprint: keypair.fingerprint, created_at: created, id: 0 });
    }
  }

  /** Whether the caller has a key pair of this name (a new server's `key_name` must name one). */
  has(name: string): boolean {
    return this.#of(this.#caller).has(name);
  }

  answer(request: StateRequest): Answer | undefined {
    const { method, template } = request;
    if (template === '/os-keypairs' && method === 'post') return this.#create(request);
    if (template === '/os-keypairs' && method === 'get') return this.#list(request);
    if (template !== '/os-keypairs/{keypair_name}') return undefined;
    const name = segment(request.path, 2);
    const user = this.#userOf(request);
    const keypair = this.#of(user).get(name);
    // exception.KeypairNotFound.
    if (!keypair) return fault(404, `Keypair ${name} not found for user ${user}`);
    if (method === 'get') return this.#render(request, '/os-keypairs/{keypair_name}', 'get', '200', { keypair: this.#show(keypair) });
    if (method === 'delete') {
      this.#of(user).delete(name);
      // 202 up to 2.1, 204 from 2.2, no body either way.
      return empty(minorOf(request.version) >= 2 ? 204 : 202);
    }
    return undefined;
  }

  #of(user: string): Map<string, KeypairRecord> {
    let held = this.keypairs.get(user);
    if (!held) this.keypairs.set(user, (held = new Map()));
    return held;
  }

  #add(record: KeypairRecord): KeypairRecord {
    const stored = { ...record, id: this.#nextId++ };
    this.#of(record.user_id).set(record.name, stored);
    return stored;
  }

  /** `user_id` of the query from 2.10 (the first, as `req.GET.getall('user_id')[0]`), else the caller. */
  #userOf(request: StateRequest): string {
    return (minorOf(request.version) >= 10 && request.query.get('user_id')) || this.#caller;
  }

  /** The fields of _show_params: what the record has, and Nova's soft-delete columns, which are never set. */
  #show(keypair: KeypairRecord): Json {
    return { ...keypair, deleted: false, deleted_at: null, updated_at: null };
  }

  #render(request: StateRequest, template: string, method: string, status: string, body: Json): Answer {
    const view = this.#examples.response(request.version, template, method, status);
    return json(Number(status), project(body, view.schema, this.#examples.resolver(request.version), view.example));
  }

  /** keypairs.py `_create()`: the quota's 403, the key's 400, the name's 409, in KeypairAPI's order. */
  #create(request: StateRequest): Answer {
    const asked: Json = request.body.keypair;
    const minor = minorOf(request.version);
    const name = String(asked.name).trim();
    const type = minor >= 2 && asked.type === 'x509' ? 'x509' : 'ssh';
    const user = (minor >= 10 && typeof asked.user_id === 'string' && asked.user_id) || this.#caller;
    // _check_key_pair_quotas(): KeypairLimitExceeded, answered 403.
    if (this.#of(user).size >= KEY_PAIRS) return fault(403, 'Quota exceeded, too many key pairs.');
    let fields: { public_key: string; fingerprint: string; private_key?: string };
    if (typeof asked.public_key === 'string') {
      const read = fingerprintOf(asked.public_key, type);
      if ('reason' in read) return fault(400, `Keypair data is invalid: ${read.reason}`);
      fields = { public_key: asked.public_key, fingerprint: read.fingerprint };
    } else {
      // Below 2.92 only (the schema requires public_key from 2.92). An x509 pair would be a
      // certificate Nova makes for WinRM; the mock makes SSH-shaped material for both types.
      fields = generated();
    }
    // The API database's unique (user_id, name): exception.KeyPairExists.
    if (this.#of(user).has(name)) return fault(409, `Key pair '${name}' already exists.`);
    const stored = this.#add({ name, user_id: user, type, public_key: fields.public_key, fingerprint: fields.fingerprint, created_at: naiveMicros(this.#now()), id: 0 });
    const body: Json = { keypair: { ...(fields.private_key ? { private_key: fields.private_key } : {}), ...stored } };
    return this.#render(request, '/os-keypairs', 'post', minor >= 2 ? '201' : '200', body);
  }

  /** keypairs.py `_index()`: the user's key pairs by name; paged from 2.35 (MarkerNotFound's 400). */
  #list(request: StateRequest): Answer {
    let keypairs = [...this.#of(this.#userOf(request)).values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const body: Json = {};
    if (minorOf(request.version) >= 35) {
      const listed = page(request, keypairs, (keypair) => keypair.name, 'os-keypairs', (marker) => `Marker ${marker} could not be found.`);
      if ('status' in listed) return listed;
      keypairs = listed.items;
      if (listed.next) body.keypairs_links = [{ rel: 'next', href: listed.next }];
    }
    return this.#render(request, '/os-keypairs', 'get', '200', { keypairs: keypairs.map((keypair) => ({ keypair })), ...body });
  }
}
