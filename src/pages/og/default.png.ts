// The share image of pages without their own (home, indexes, calculator, search).
import type { APIRoute } from 'astro';
import { defaultCard } from '../../lib/og-image.ts';
import { ogImageResponse } from '../../lib/og-cache.ts';

export const GET: APIRoute = ({ site }) => ogImageResponse(defaultCard(site));
