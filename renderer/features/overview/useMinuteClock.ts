/** The current time, re-read every minute, so "3 min ago" keeps counting while the window stays open. */
import { useEffect, useState } from 'react';

export function useMinuteClock(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
