import { useEffect, useRef } from "react";
import { useLocation } from "wouter";

const WAIT_MS = 100;
const MAX_TRIES = 50;

/**
 * After moving to another page inside the portal (not on the first load), focus goes to the new
 * page's h1, so a screen reader reads where we are and the keyboard starts at the top of the
 * content. While the page is still loading, main has focus, and the h1 gets it once it appears
 * (unless the user has moved on in the meantime).
 */
export function RouteFocus() {
  const [location] = useLocation();
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    const main = document.querySelector<HTMLElement>("#main");
    let tries = 0;
    let timer: number | undefined;
    const attempt = () => {
      const heading = document.querySelector<HTMLElement>("#main h1");
      const focusStillOurs = document.activeElement === main || document.activeElement === document.body || tries === 0;
      if (!focusStillOurs) return;
      if (heading) {
        heading.focus();
        return;
      }
      if (tries === 0) main?.focus();
      tries += 1;
      if (tries < MAX_TRIES) timer = window.setTimeout(attempt, WAIT_MS);
    };
    attempt();
    return () => window.clearTimeout(timer);
  }, [location]);
  return null;
}
