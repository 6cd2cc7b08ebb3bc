'use client';

import type { ComponentProps, ReactNode } from 'react';
import { clsx } from 'clsx';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { TPlanFeatures, TPlanLimits } from '@/lib/billing/plans/schemas';
import { CURRENCIES, currencyDecimals, decimalFromJsonNumber, formatMoney, moneyToJson } from '@/lib/money';
import { describeAnnualDiscount } from './annual-discount';
import { PlanLimitField } from './plan-limit-field';
import { numberFromInput, optionalNumberFromInput, type TPlanFormValues } from './plan-form-values';

const LIMIT_LABELS: Record<keyof TPlanLimits, string> = {
  max_agents: 'Agents',
  max_contacts: 'Contacts',
  max_messages_month: 'Messages per month',
  max_channels: 'Channels',
  max_ai_agents: 'AI agents',
};

const FEATURE_LABELS: Record<keyof TPlanFeatures, { label: string; hint: string }> = {
  ai_agent: { label: 'AI agent', hint: 'Tenants can run AI agents.' },
  api_access: { label: 'API access', hint: 'Tenants can use the public API.' },
  dedicated_support: { label: 'Dedicated support', hint: 'A named support contact.' },
};

type Props = { form: UseFormReturn<TPlanFormValues>; mode: 'create' | 'edit' };

export function PlanFormFields({ form, mode }: Props) {
  const { register, control, setValue, getFieldState, formState } = form;
  const { errors } = formState;
  const values = useWatch({ control });
  const currency = values.currency ?? 'IDR';
  // Create: a blank annual price means the seed default, monthly × 10.
  const monthly = values.base_price_monthly;
  const annual =
    mode === 'create' && values.base_price_annual === undefined && monthly !== undefined && Number.isFinite(monthly)
      ? moneyToJson(decimalFromJsonNumber(monthly).times(10))
      : values.base_price_annual;
  const discount = describeAnnualDiscount(values.base_price_monthly, annual);
  const step = currencyDecimals(currency) === 0 ? '1' : '0.01';
  const money = (name: 'base_price_monthly' | 'per_agent_price' | 'overage_message_price') => register(name, { setValueAs: numberFromInput });

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={errors.name?.message}>
          {(c) => (
            <Input
              autoFocus
              autoComplete="off"
              {...c}
              {...register('name', {
                // Propose a slug from the name until the admin types one of their own.
                onChange: (event) => {
                  if (mode === 'create' && !getFieldState('slug').isDirty) setValue('slug', slugify(event.target.value));
                },
              })}
            />
          )}
        </Field>
        <Field label="Slug" error={errors.slug?.message} hint="Lowercase letters, digits and single hyphens. API clients refer to the plan by it.">
          {(c) => <Input autoComplete="off" spellCheck={false} className="font-mono" {...c} {...register('slug')} />}
        </Field>
        <Field label="Currency" error={errors.currency?.message}>
          {(c) => (
            <Select {...c} {...register('currency')}>
              {CURRENCIES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Sort order" error={errors.sort_order?.message} hint="Lower numbers come first in the catalog.">
          {(c) => <Input type="number" inputMode="numeric" step={1} {...c} {...register('sort_order', { setValueAs: numberFromInput })} />}
        </Field>
      </div>

      <Section legend="Prices" description={`In ${currency}, excluding tax.`}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Monthly price" error={errors.base_price_monthly?.message} hint={<Line>{echo(values.base_price_monthly, currency)}</Line>}>
            {(c) => <MoneyInput step={step} {...c} {...money('base_price_monthly')} />}
          </Field>
          <Field
            label="Annual price"
            error={errors.base_price_annual?.message}
            hint={
              <>
                <Line>{mode === 'create' && values.base_price_annual === undefined ? 'Blank: 10 × the monthly price.' : echo(annual, currency)}</Line>
                {discount ? <Line className={discount.tone === 'discount' ? undefined : 'font-medium text-amber-700'}>{discount.text}</Line> : null}
              </>
            }
          >
            {(c) => (
              <MoneyInput
                step={step}
                placeholder={mode === 'create' && Number.isFinite(annual) && annual !== undefined ? String(annual) : undefined}
                {...c}
                {...register('base_price_annual', { setValueAs: mode === 'create' ? optionalNumberFromInput : numberFromInput })}
              />
            )}
          </Field>
          <Field label="Per-agent price" error={errors.per_agent_price?.message} hint={withEcho('Monthly, for each agent beyond the included ones.', values.per_agent_price, currency)}>
            {(c) => <MoneyInput step={step} {...c} {...money('per_agent_price')} />}
          </Field>
          <Field label="Overage price per message" error={errors.overage_message_price?.message} hint={withEcho('Each message above the monthly allowance.', values.overage_message_price, currency)}>
            {(c) => <MoneyInput step={step} {...c} {...money('overage_message_price')} />}
          </Field>
        </div>
      </Section>

      <Section legend="Limits" description="Included in the plan. Tick Unlimited for no limit.">
        <div className="grid gap-4 sm:grid-cols-2">
          {(Object.keys(LIMIT_LABELS) as (keyof TPlanLimits)[]).map((key) => (
            <PlanLimitField key={key} control={control} name={key} label={LIMIT_LABELS[key]} />
          ))}
        </div>
      </Section>

      <Section legend="Features">
        <div className="grid gap-3 sm:grid-cols-3">
          {(Object.keys(FEATURE_LABELS) as (keyof TPlanFeatures)[]).map((key) => (
            <div key={key} className="flex items-start gap-2 text-sm">
              <input
                id={`plan-feature-${key}`}
                type="checkbox"
                aria-describedby={`plan-feature-${key}-hint`}
                className="mt-0.5 size-4 rounded border-zinc-300 accent-brand-600"
                {...register(`features.${key}`)}
              />
              <div>
                <label htmlFor={`plan-feature-${key}`} className="block font-medium text-zinc-800">
                  {FEATURE_LABELS[key].label}
                </label>
                <p id={`plan-feature-${key}-hint`} className="text-xs text-zinc-500">
                  {FEATURE_LABELS[key].hint}
                </p>
              </div>
            </div>
          ))}
        </div>
      </Section>
    </>
  );
}

function Section({ legend, description, children }: { legend: string; description?: string; children: ReactNode }) {
  return (
    <div className="border-t border-zinc-100 pt-4">
      <fieldset>
        <legend className="mb-3">
          <span className="block text-sm font-semibold text-zinc-900">{legend}</span>
          {description ? <span className="block text-xs font-normal text-zinc-500">{description}</span> : null}
        </legend>
        {children}
      </fieldset>
    </div>
  );
}

function MoneyInput(props: ComponentProps<typeof Input>) {
  return <Input type="number" inputMode="decimal" min={0} className="text-right tabular-nums" {...props} />;
}

/** "= Rp 299.000": the typed number read back in its currency, so a slipped zero shows at once. */
function echo(amount: number | undefined, currency: string): string | undefined {
  return amount !== undefined && Number.isFinite(amount) && amount >= 0 ? `= ${formatMoney(String(amount), currency)}` : undefined;
}

function withEcho(text: string, amount: number | undefined, currency: string) {
  return (
    <>
      <Line>{text}</Line>
      <Line>{echo(amount, currency)}</Line>
    </>
  );
}

function Line({ className, children }: { className?: string; children: ReactNode }) {
  return children ? <span className={clsx('block', className)}>{children}</span> : null;
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
