import { tracks } from '#lib/lessons/catalog.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ tracks });
