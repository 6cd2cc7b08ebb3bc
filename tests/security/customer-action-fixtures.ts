import { customerHub } from '@/tests/integration/customer-hub';

/**
 * One subscription per customer server action, each in the state its action needs to succeed for a
 * super_admin (a pending change to undo, a coupon to remove, a cancellation to reactivate): the
 * matrix's allowed cell runs the action once, after the denied cells found the database untouched.
 */
export async function customerActionFixtures() {
  const hub = await customerHub();
  const subscription = async (body: Record<string, unknown> = {}) => (await hub.subscribed(body)).id;
  const expectOk = async (work: Promise<{ status: number; text: string }>) => {
    const result = await work;
    if (result.status !== 200) throw new Error(`fixture: ${result.status} ${result.text}`);
  };

  const [unsubscribedOrganizationId, previewId, changeId, couponFreeId, cancelId] = await Promise.all([
    hub.createOrganization(), subscription(), subscription(), subscription(), subscription(),
  ]);
  const [freeCoupon, heldCoupon] = await Promise.all([hub.makeCoupon(), hub.makeCoupon()]);
  const couponHolderId = await subscription({ coupon_code: heldCoupon.code });
  const pendingChangeId = await subscription({ plan_id: hub.growth.id });
  await expectOk(hub.change(pendingChangeId, { plan_id: hub.starter.id, timing: 'period_end' }));
  const reactivateId = await subscription();
  await expectOk(hub.cancel(reactivateId, { at: 'period_end', reason: 'matrix fixture' }));

  return {
    planId: hub.starter.id, unsubscribedOrganizationId, previewId, changeId, couponFreeId, couponCode: freeCoupon.code,
    couponHolderId, pendingChangeId, cancelId, reactivateId,
  };
}

export type TCustomerActionFixtures = Awaited<ReturnType<typeof customerActionFixtures>>;
