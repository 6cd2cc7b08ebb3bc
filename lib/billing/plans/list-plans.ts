import { db } from '@/lib/db';
import { planToDto } from './plan-dto';
import type { TPlan } from './schemas';

/** Every plan, active and inactive, by sort_order then created_at (SPEC §3). */
export async function listPlans(): Promise<TPlan[]> {
  const plans = await db().plan.findMany({ orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] });
  return plans.map(planToDto);
}
