import type { TCustomerMutation } from './use-customer-mutation';

/** The outcome of the last mutation, announced: the API's sentence on failure, ours on success. */
export function MutationStatus({ mutation }: { mutation: TCustomerMutation }) {
  if (mutation.problem) return <p role="alert" className="text-sm font-medium text-red-600">{mutation.problem.message}</p>;
  if (mutation.done) return <p role="status" className="text-sm font-medium text-emerald-700">{mutation.done}</p>;
  return null;
}
