import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, termSchema } from './lib/content-schema.ts';
import { contentDir } from './lib/content-source.ts';

const root = contentDir();

export const collections = {
  terms: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${root}/terms` }),
    schema: termSchema,
  }),
  articles: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${root}/articles` }),
    schema: articleSchema,
  }),
};
