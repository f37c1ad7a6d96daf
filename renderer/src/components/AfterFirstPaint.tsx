import { useEffect, useState, type ReactNode } from 'react';

/**
 * Renders `children` once the screen around them has been painted. Charts take
 * longer to draw than the figures beside them; drawn a frame later, they no
 * longer hold back the scores a reader opened the screen for. The parent keeps
 * the chart's size meanwhile, so nothing moves when it appears.
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame callback runs before that frame's paint; the task after it runs once it is on screen.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted ? <>{children}</> : null;
}
