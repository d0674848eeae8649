/** The Node-only entry: everything of the main entry, plus configuration read from files. */
export * from '../index.ts';
export { configPaths, loadCloudConfig } from './cloud-config.ts';
export type { CloudConfig } from './cloud-config.ts';
