export * from './common.ts';
export * from './source.ts';
export * from './entity.ts';
export * from './account.ts';
export * from './case.ts';
export * from './manifest.ts';
export * from './post.ts';
export * from './coordination.ts';
