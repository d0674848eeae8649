/**
 * OpenStack's own configuration: `clouds.yaml` (merged with `secure.yaml`) from the places
 * openstacksdk looks, and `OS_*` environment variables. Node only (it reads files); the package's
 * main entry stays free of `fs` for browser bundles.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KeystoneCredentials, KeystoneOptions } from '../keystone.ts';

export interface CloudConfig {
  keystone: KeystoneOptions;
  regionName?: string;
  interface?: 'public' | 'internal' | 'admin';
  /** `compute_api_version` / `OS_COMPUTE_API_VERSION`, when set. */
  computeApiVersion?: string;
  /** `compute_endpoint_override`, when set: use it instead of the catalog. */
  computeEndpointOverride?: string;
  /** Where the settings came from (file paths or "environment"), for error messages. */
  source: string;
}

type Raw = Record<string, any>; // clouds.yaml is read by key

/** Where clouds.yaml and secure.yaml are looked for, first match wins (openstacksdk's order). */
export function configPaths(file: 'clouds.yaml' | 'secure.yaml', env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string[] {
  const override = file === 'clouds.yaml' ? env.OS_CLIENT_CONFIG_FILE : env.OS_CLIENT_SECURE_FILE;
  return [
    ...(override ? [override] : []),
    join(cwd, file),
    join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'openstack', file),
    join('/etc/openstack', file),
  ];
}

function merge(base: Raw, over: Raw): Raw {
  const out: Raw = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && typeof base[key] === 'object' ? merge(base[key], value) : value;
  }
  return out;
}

function credentialsOf(authType: string | undefined, auth: Raw, where: string): KeystoneCredentials {
  const type = (authType ?? (auth.application_credential_secret ? 'v3applicationcredential' : auth.token ? 'v3token' : 'password')).toLowerCase();
  const user = {
    ...(auth.user_id ? { userId: String(auth.user_id) } : {}),
    ...(auth.username ? { username: String(auth.username) } : {}),
    ...(auth.user_domain_id ? { userDomainId: String(auth.user_domain_id) } : {}),
    ...(auth.user_domain_name ? { userDomainName: String(auth.user_domain_name) } : {}),
  };
  const scope = {
    ...(auth.project_id ? { projectId: String(auth.project_id) } : {}),
    ...(auth.project_name ? { projectName: String(auth.project_name) } : {}),
    ...(auth.project_domain_id ? { projectDomainId: String(auth.project_domain_id) } : {}),
    ...(auth.project_domain_name ? { projectDomainName: String(auth.project_domain_name) } : {}),
  };
  if (type === 'v3applicationcredential' || type === 'applicationcredential') {
    if (!auth.application_credential_secret) throw new Error(`${where}: application_credential_secret is missing`);
    return {
      type: 'applicationCredential', ...user, applicationCredentialSecret: String(auth.application_credential_secret),
      ...(auth.application_credential_id ? { applicationCredentialId: String(auth.application_credential_id) } : {}),
      ...(auth.application_credential_name ? { applicationCredentialName: String(auth.application_credential_name) } : {}),
    };
  }
  if (type === 'v3token' || type === 'token') {
    if (!auth.token) throw new Error(`${where}: token is missing`);
    return { type: 'token', token: String(auth.token), ...scope };
  }
  if (type === 'password' || type === 'v3password') {
    if (!auth.password) throw new Error(`${where}: password is missing (put it in secure.yaml)`);
    return {
      type: 'password', ...user, ...scope, password: String(auth.password),
      ...(auth.domain_id ? { domainId: String(auth.domain_id) } : {}),
      ...(auth.domain_name ? { domainName: String(auth.domain_name) } : {}),
      ...(auth.system_scope ? { system: true } : {}),
    };
  }
  throw new Error(`${where}: auth_type ${authType} is not supported (password, v3applicationcredential, v3token)`);
}

function fromEntry(entry: Raw, where: string): CloudConfig {
  const auth: Raw = entry.auth ?? {};
  if (!auth.auth_url) throw new Error(`${where}: auth.auth_url is missing`);
  return {
    keystone: { authUrl: String(auth.auth_url), credentials: credentialsOf(entry.auth_type, auth, where) },
    ...(entry.region_name ? { regionName: String(entry.region_name) } : {}),
    ...(entry.interface ? { interface: entry.interface } : {}),
    ...(entry.compute_api_version ? { computeApiVersion: String(entry.compute_api_version) } : {}),
    ...(entry.compute_endpoint_override ? { computeEndpointOverride: String(entry.compute_endpoint_override) } : {}),
    source: where,
  };
}

/** The `OS_*` variables as a clouds.yaml entry. */
function fromEnvironment(env: NodeJS.ProcessEnv): Raw {
  const auth: Raw = {};
  for (const key of ['auth_url', 'username', 'user_id', 'password', 'project_name', 'project_id', 'user_domain_name', 'user_domain_id',
    'project_domain_name', 'project_domain_id', 'domain_id', 'domain_name', 'application_credential_id', 'application_credential_name',
    'application_credential_secret', 'token']) {
    const value = env[`OS_${key.toUpperCase()}`];
    if (value) auth[key] = value;
  }
  return {
    auth,
    ...(env.OS_AUTH_TYPE ? { auth_type: env.OS_AUTH_TYPE } : {}),
    ...(env.OS_REGION_NAME ? { region_name: env.OS_REGION_NAME } : {}),
    ...(env.OS_INTERFACE ? { interface: env.OS_INTERFACE } : {}),
    ...(env.OS_COMPUTE_API_VERSION ? { compute_api_version: env.OS_COMPUTE_API_VERSION } : {}),
  };
}

/**
 * The settings of one cloud: `cloud` (or `OS_CLOUD`) from clouds.yaml merged with secure.yaml, or,
 * with neither, the `OS_*` variables.
 */
export function loadCloudConfig(cloud?: string, options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): CloudConfig {
  const env = options.env ?? process.env;
  const name = cloud ?? env.OS_CLOUD;
  if (!name) return fromEntry(fromEnvironment(env), 'environment (OS_* variables)');
  const cloudsFile = configPaths('clouds.yaml', env, options.cwd).find((path) => existsSync(path));
  if (!cloudsFile) throw new Error(`cloud ${name}: no clouds.yaml in ${configPaths('clouds.yaml', env, options.cwd).join(', ')}`);
  const clouds = (parse(readFileSync(cloudsFile, 'utf8')) as Raw | null)?.clouds ?? {};
  const secureFile = configPaths('secure.yaml', env, options.cwd).find((path) => existsSync(path));
  const secure = secureFile ? ((parse(readFileSync(secureFile, 'utf8')) as Raw | null)?.clouds ?? {}) : {};
  if (!clouds[name]) throw new Error(`${cloudsFile}: no cloud named ${name} (clouds: ${Object.keys(clouds).join(', ') || 'none'})`);
  return fromEntry(merge(clouds[name], secure[name] ?? {}), secureFile ? `${cloudsFile} + ${secureFile}` : cloudsFile);
}
