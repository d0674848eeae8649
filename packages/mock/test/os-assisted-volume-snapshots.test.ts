/** The mock's assisted volume snapshots: qcow2 only, and the delete's required delete_info. */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const call = useMockHttp();

const SNAPSHOT = '2f8b4c61-9e3d-4a75-b0c2-d7e1a6f3b958';

describe('the mock: assisted volume snapshots', () => {
  it('creates a qcow2 snapshot and refuses another type', async () => {
    const info = { snapshot_id: SNAPSHOT, type: 'qcow2', new_file: 'volume-x.snap' };
    const made = await call('POST', '/os-assisted-volume-snapshots', '2.1', { snapshot: { volume_id: '7e1c9b24-3f5a-4d80-92c6-b0e8a4d1f739', create_info: info } });
    expect(made.status).toBe(200);
    expect((await made.json()).snapshot).toHaveProperty('volumeId');
    const raw = await call('POST', '/os-assisted-volume-snapshots', '2.1', { snapshot: { volume_id: 'v', create_info: { ...info, type: 'raw' } } });
    expect(raw.status).toBe(400);
  });

  it('deletes with delete_info (204, no body) and refuses a delete without it', async () => {
    const info = encodeURIComponent(JSON.stringify({ volume_id: '7e1c9b24-3f5a-4d80-92c6-b0e8a4d1f739' }));
    const deleted = await call('DELETE', `/os-assisted-volume-snapshots/${SNAPSHOT}?delete_info=${info}`, '2.75');
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const bare = await call('DELETE', `/os-assisted-volume-snapshots/${SNAPSHOT}`, '2.75');
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ badRequest: { code: 400 } });
  });
});
