// Every console form submits the same way: no double submission while busy, and the server's
// message (written for the person reading it) shown in an alert.
import { useState, type FormEvent } from 'react';

export function useFormSubmit(action: (form: FormData, element: HTMLFormElement) => Promise<void>) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    setBusy(true);
    setError(undefined);
    try {
      await action(new FormData(element), element);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { onSubmit, error, busy };
}

export function FormError({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}

// One-time tokens travel in the URL fragment, which browsers never send to the server or in
// Referer headers, so they stay out of access logs.
export function tokenFromLocation(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}
