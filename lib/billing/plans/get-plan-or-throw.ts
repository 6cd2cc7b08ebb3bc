import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { planToDto } from './plan-dto';
import type { TPlan } from './schemas';

export async function getPlanOrThrow(rawId: string): Promise<TPlan> {
  const plan = await db().plan.findUnique({ where: { id: parseId(rawId, 'plan') } });
  if (!plan) throw notFound('plan');
  return planToDto(plan);
}
