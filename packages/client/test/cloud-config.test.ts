/** clouds.yaml, secure.yaml and OS_* variables, read the way openstacksdk reads them. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configPaths, loadCloudConfig } from '../src/node/index.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function directory(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'novaspec-clouds-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const clouds = `
clouds:
  prod:
    region_name: RegionTwo
    interface: public
    compute_api_version: "2.79"
    auth_type: v3applicationcredential
    auth:
      auth_url: https://keystone.example/v3
      application_credential_id: ac-1
  dev:
    auth:
      auth_url: https://keystone.dev/v3
      username: demo
      user_domain_name: Default
      project_name: demo
      project_domain_id: default
`;
const secure = `
clouds:
  prod:
    auth:
      application_credential_secret: s3cret
  dev:
    auth:
      password: pw
`;

describe('loadCloudConfig', () => {
  it('reads a cloud from clouds.yaml in the current directory, with its secret from secure.yaml', () => {
    const cwd = directory({ 'clouds.yaml': clouds, 'secure.yaml': secure });
    const config = loadCloudConfig('prod', { cwd, env: { HOME: cwd } });
    expect(config).toMatchObject({
      regionName: 'RegionTwo', interface: 'public', computeApiVersion: '2.79',
      keystone: { authUrl: 'https://keystone.example/v3', credentials: { type: 'applicationCredential', applicationCredentialId: 'ac-1', applicationCredentialSecret: 's3cret' } },
    });
    expect(config.source).toContain('secure.yaml');
  });

  it('picks the cloud named by OS_CLOUD, and finds files under XDG_CONFIG_HOME/openstack', () => {
    const home = directory({ 'config/openstack/clouds.yaml': clouds, 'config/openstack/secure.yaml': secure });
    const config = loadCloudConfig(undefined, { cwd: join(home, 'elsewhere'), env: { OS_CLOUD: 'dev', XDG_CONFIG_HOME: join(home, 'config') } });
    expect(config.keystone.credentials).toEqual({ type: 'password', username: 'demo', userDomainName: 'Default', projectName: 'demo', projectDomainId: 'default', password: 'pw' });
  });

  it('uses OS_* variables when no cloud is named', () => {
    const config = loadCloudConfig(undefined, { env: {
      OS_AUTH_URL: 'https://keystone.env/v3', OS_AUTH_TYPE: 'v3applicationcredential', OS_APPLICATION_CREDENTIAL_ID: 'ac-9',
      OS_APPLICATION_CREDENTIAL_SECRET: 'x', OS_REGION_NAME: 'RegionOne', OS_COMPUTE_API_VERSION: '2.90',
    } });
    expect(config).toMatchObject({ regionName: 'RegionOne', computeApiVersion: '2.90', keystone: { credentials: { type: 'applicationCredential', applicationCredentialId: 'ac-9' } } });
  });

  it('says which file and which key when something is missing', () => {
    const cwd = directory({ 'clouds.yaml': clouds });
    expect(() => loadCloudConfig('prod', { cwd, env: {} })).toThrow(/clouds.yaml: application_credential_secret is missing/);
    expect(() => loadCloudConfig('staging', { cwd, env: {} })).toThrow(/no cloud named staging \(clouds: prod, dev\)/);
  });

  it('honours OS_CLIENT_CONFIG_FILE first', () => {
    expect(configPaths('clouds.yaml', { OS_CLIENT_CONFIG_FILE: '/x/my.yaml', XDG_CONFIG_HOME: '/cfg' }, '/work')).toEqual([
      '/x/my.yaml', '/work/clouds.yaml', '/cfg/openstack/clouds.yaml', '/etc/openstack/clouds.yaml',
    ]);
  });
});
