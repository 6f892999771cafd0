/** Response rules (headers and redirects) and the files the build writes from them. */
export * from './rules.ts';
export * from './headers.ts';
export * from './redirects.ts';
export * from './nginx.ts';
export * from './mime.ts';
