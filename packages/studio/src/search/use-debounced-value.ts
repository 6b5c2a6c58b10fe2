import { useEffect, useState } from 'react';

/** `value` once it has stopped changing for `delay` ms: a search asks the server after the user pauses, not on each key. */
export function useDebouncedValue<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
