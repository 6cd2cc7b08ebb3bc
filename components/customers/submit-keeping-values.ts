import type { FormEvent } from 'react';

/**
 * A form's submit handler that keeps what the operator typed: React 19 resets an uncontrolled
 * form after a `<form action>` finishes, so a refused request (a field error from the API) would
 * empty every field the operator still needs.
 */
export function submitKeepingValues(handler: (form: FormData) => unknown) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void handler(new FormData(event.currentTarget));
  };
}
