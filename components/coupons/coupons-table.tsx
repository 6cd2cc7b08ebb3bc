'use client';

import { useState, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { RowActions, TBody, TD, TH, THead, TR, Table } from '@/components/ui/table';
import type { TCoupon } from '@/lib/billing/coupons/schemas';
import { STATUS_LABELS, STATUS_TONES, formatDiscount, formatDuration, formatUsage, formatWindow } from './coupon-format';
import { DEFAULT_SORT, nextSort, sortCoupons, type TCouponSort, type TCouponSortKey } from './coupon-list-view';
import { CouponFormDialog, CouponHoldersDialog, DeactivateCouponDialog } from './lazy-coupon-dialogs';

type Props = {
  coupons: TCoupon[];
  planNames: ReadonlyMap<string, string>;
  onEdit: (coupon: TCoupon) => void;
  onDuplicate: (coupon: TCoupon) => void;
  onDeactivate: (coupon: TCoupon) => void;
  onActivate: (coupon: TCoupon) => void;
  onShowHolders: (coupon: TCoupon) => void;
};

export function CouponsTable({ coupons, planNames, onEdit, onDuplicate, onDeactivate, onActivate, onShowHolders }: Props) {
  const [sort, setSort] = useState<TCouponSort>(DEFAULT_SORT);
  const header = (key: TCouponSortKey, label: string, numeric = false) => (
    <SortableHeader sortKey={key} sort={sort} onSort={(k) => setSort(nextSort(sort, k))} numeric={numeric}>
      {label}
    </SortableHeader>
  );

  return (
    <Table aria-label="Coupons">
      <THead>
        <tr>
          {header('code', 'Code')}
          {header('discount', 'Discount', true)}
          <TH>Duration</TH>
          {header('usage', 'Usage', true)}
          {header('validity', 'Validity (UTC)')}
          <TH>Plans</TH>
          {header('status', 'Status')}
          <TH>
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {sortCoupons(coupons, sort).map((coupon) => (
          <TR key={coupon.id} data-coupon-code={coupon.code}>
            <TD className="font-mono font-medium break-words text-zinc-900">{coupon.code}</TD>
            <TD numeric>{formatDiscount(coupon)}</TD>
            <TD>{formatDuration(coupon)}</TD>
            <TD numeric>
              {coupon.current_uses > 0 ? (
                <button type="button" onClick={() => onShowHolders(coupon)} className="tabular-nums underline decoration-zinc-300 underline-offset-2 hover:decoration-zinc-900" aria-label={`${formatUsage(coupon)}: customers holding ${coupon.code}`} {...CouponHoldersDialog.preloadHandlers}>
                  {formatUsage(coupon)}
                </button>
              ) : formatUsage(coupon)}
            </TD>
            <TD>{formatWindow(coupon)}</TD>
            <TD>{coupon.applicable_plans.length ? coupon.applicable_plans.map((id) => planNames.get(id) ?? 'Unknown plan').join(', ') : 'All plans'}</TD>
            <TD>
              <Badge tone={STATUS_TONES[coupon.status]}>{STATUS_LABELS[coupon.status]}</Badge>
            </TD>
            <RowActions>
                <Button variant="ghost" size="sm" onClick={() => onEdit(coupon)} aria-label={`Edit ${coupon.code}`} {...CouponFormDialog.preloadHandlers}>
                  Edit
                </Button>
                <Button variant="ghost" size="sm" onClick={() => onDuplicate(coupon)} aria-label={`Duplicate ${coupon.code}`} {...CouponFormDialog.preloadHandlers}>
                  Duplicate
                </Button>
                {coupon.is_active ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    className="text-red-700"
                    onClick={() => onDeactivate(coupon)}
                    aria-label={`Deactivate ${coupon.code}`}
                    {...DeactivateCouponDialog.preloadHandlers}
                  >
                    Deactivate
                  </Button>
                ) : (
                  <Button variant="ghost" size="sm" onClick={() => onActivate(coupon)} aria-label={`Activate ${coupon.code}`}>
                    Activate
                  </Button>
                )}
            </RowActions>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

type SortableHeaderProps = { sortKey: TCouponSortKey; sort: TCouponSort; onSort: (key: TCouponSortKey) => void; numeric?: boolean; children: ReactNode };

/** A column header that sorts on click or Enter, announcing its order through aria-sort. */
function SortableHeader({ sortKey, sort, onSort, numeric, children }: SortableHeaderProps) {
  const active = sort.key === sortKey;
  return (
    <TH numeric={numeric} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => onSort(sortKey)} className="inline-flex items-center gap-1 uppercase hover:text-zinc-900">
        {children}
        <span aria-hidden="true" className={active ? 'text-zinc-900' : 'text-zinc-300'}>
          {active && sort.direction === 'desc' ? '↓' : '↑'}
        </span>
      </button>
    </TH>
  );
}
