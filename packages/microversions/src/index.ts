export * from './version.ts';
export * from './annotations.ts';
export * from './view.ts';
export * from './lint.ts';
export * from './prose.ts';
export * from './changes.ts';
export * from './source-location.ts';
export * from './actions.ts';
