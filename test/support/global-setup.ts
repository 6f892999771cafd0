import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromePath: string;
  }
}

export default function setup(project: TestProject) {
  project.provide('chromePath', ensureChromium());
}
