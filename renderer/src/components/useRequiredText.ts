import { useRef, useState, type FormEvent } from 'react';

/**
 * A text the form cannot go without (a reason, a name): its value, its error,
 * and `take()`, which answers the trimmed text, or null after showing the
 * error and putting the focus back on the field.
 */
export function useRequiredText<E extends HTMLInputElement | HTMLTextAreaElement>(missing: string) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<E>(null);
  function take(): string | null {
    const text = value.trim();
    if (!text) {
      setError(missing);
      ref.current?.focus();
      return null;
    }
    setError(null);
    return text;
  }
  /**
   * The form's submit handler when this text is all it asks for: keeps the
   * page from reloading and passes the text on only when there is one.
   */
  function submitWith(use: (text: string) => void) {
    return (e: FormEvent) => {
      e.preventDefault();
      const text = take();
      if (text) use(text);
    };
  }
  /** Empties the field and forgets its error (after the form is done with or cancelled). */
  function reset(): void {
    setValue('');
    setError(null);
  }
  return { value, setValue, error, ref, take, submitWith, reset };
}
