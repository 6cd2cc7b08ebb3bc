'use client';

import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/skeleton';

/**
 * The charts, loaded after the page: recharts (~100 kB gzip) is in these chunks only, never in the
 * dashboard's first-load JavaScript, and the server-rendered tiles and tables do not wait for it.
 * No server rendering: the charts measure their container, which the server cannot.
 */
const chartSkeleton = () => <Skeleton className="h-full w-full" />;

export const RevenueChart = dynamic(() => import('./revenue-chart'), { ssr: false, loading: chartSkeleton });
export const PlanMrrChart = dynamic(() => import('./plan-mrr-chart'), { ssr: false, loading: chartSkeleton });
