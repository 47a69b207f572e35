import { createContext, useContext, useEffect } from "react";

/** Lets a page name itself for the browser tab; PortalLayout provides it. */
export const PageTitleContext = createContext<((title: string | null) => void) | null>(null);

/**
 * Names the current page in the browser tab ("<title> – <portal> – Home-Start"). Without it the
 * tab shows the portal's home title. Pass null while the name is not known yet.
 */
export function usePageTitle(title: string | null): void {
  const setTitle = useContext(PageTitleContext);
  useEffect(() => {
    setTitle?.(title);
    return () => setTitle?.(null);
  }, [setTitle, title]);
}
