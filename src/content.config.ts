import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, termSchema } from './lib/content-schema.ts';
import { contentDir } from './lib/content-source.ts';
import { termLoader } from './loaders/term-loader.ts';

const root = contentDir();

export const collections = {
  terms: defineCollection({
    loader: termLoader(`${root}/terms`),
    schema: termSchema,
  }),
  articles: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${root}/articles` }),
    schema: articleSchema,
  }),
};
