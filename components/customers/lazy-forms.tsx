'use client';

import dynamic from 'next/dynamic';

/**
 * The customer forms, server-rendered as usual but with their JavaScript (react-hook-form, the zod
 * schemas they share with the route handlers, the server actions) in chunks of their own, loaded
 * after the page: out of the Customers pages' first-load JavaScript, within its 200 kB budget.
 */
export const NewCustomerButton = dynamic(() => import('./new-customer-button').then((module) => module.NewCustomerButton));
export const SubscribeForm = dynamic(() => import('./subscribe-form').then((module) => module.SubscribeForm));
export const ChangeForm = dynamic(() => import('./change-form').then((module) => module.ChangeForm));
export const SubscriptionCouponForm = dynamic(() => import('./subscription-coupon-form').then((module) => module.SubscriptionCouponForm));
export const CancelForm = dynamic(() => import('./cancel-form').then((module) => module.CancelForm));
