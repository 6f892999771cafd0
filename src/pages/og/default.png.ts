// The share image of pages without their own (home, indexes, calculator, search).
import type { APIRoute } from 'astro';
import { defaultCard, ogImageResponse } from '../../lib/og-image.ts';

export const GET: APIRoute = ({ site }) => ogImageResponse(defaultCard(site));
