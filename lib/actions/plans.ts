'use server';

import { createPlan } from '@/lib/billing/plans/create-plan';
import { previewPlanChange } from '@/lib/billing/plans/preview-plan-change';
import { ZCreatePlanInput, ZUpdatePlanInput } from '@/lib/billing/plans/schemas';
import { updatePlan } from '@/lib/billing/plans/update-plan';
import { runAdminAction } from '@/lib/http/admin-action';

// The console's writes: the same schemas and operations as POST/PATCH /api/v1/admin/billing/plans.
export async function createPlanAction(input: unknown) {
  return runAdminAction(ZCreatePlanInput, input, (data, actor) => createPlan(data, actor));
}

export async function updatePlanAction(id: string, input: unknown) {
  return runAdminAction(ZUpdatePlanInput, input, (data, actor) => updatePlan(String(id), data, actor));
}

/** Read-only, but super-admin only like everything else: the MRR impact the edit form shows before saving. */
export async function previewPlanChangeAction(id: string, input: unknown) {
  return runAdminAction(ZUpdatePlanInput, input, (data) => previewPlanChange(String(id), data));
}
