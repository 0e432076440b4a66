/**
 * Which site a frame belongs to for the per-site off switch: the site of the top-level page, in every frame of it.
 * The user switches a site off for what the address bar shows; frames inside that page (same-site or not, and
 * about:blank, srcdoc, blob: and data: frames, whose own address names no site) follow it.
 */
import { siteKeyOf } from '@/lib/settings/settings';

export interface FrameLocation {
  /** True in the top-level frame. */
  isTop: boolean;
  /** The frame's own address (location.href): about:blank, about:srcdoc, blob:…, data:… name no site. */
  href: string;
  /** The frame's origin (self.origin): inherited by about:blank, srcdoc and blob: frames; 'null' when opaque. */
  origin: string;
  /** location.ancestorOrigins, nearest first (the top-level page's origin last); 'null' where one is hidden. */
  ancestorOrigins: readonly string[];
  /** The top-level page's address when this frame may read it (same origin), else null. */
  topHref: string | null;
}

const known = (origin: string | undefined): origin is string => !!origin && origin !== 'null';

/** The site key (a host name, or `file`) of the top-level page this frame is part of; null for pages that have none. */
export function topSiteKeyOf(frame: FrameLocation): string | null {
  if (frame.isTop) return siteKeyOf(frame.href) ?? (known(frame.origin) ? siteKeyOf(frame.origin) : null);
  if (frame.topHref) return siteKeyOf(frame.topHref);
  const top = frame.ancestorOrigins[frame.ancestorOrigins.length - 1];
  if (known(top)) return siteKeyOf(top);
  // The top's origin is hidden from us (a no-referrer policy): the outermost origin that is known stands in for it.
  const nearest = [...frame.ancestorOrigins].reverse().find(known) ?? (known(frame.origin) ? frame.origin : null);
  return nearest ? siteKeyOf(nearest) : siteKeyOf(frame.href);
}

/** This frame's location, as topSiteKeyOf reads it. */
export function currentFrameLocation(win: Window = window): FrameLocation {
  let topHref: string | null = null;
  const isTop = win === win.top;
  if (!isTop) {
    try {
      topHref = win.top?.location.href ?? null;
    } catch {
      // Another origin: only its origin is known, through ancestorOrigins.
    }
  }
  return {
    isTop,
    href: win.location.href,
    origin: win.origin,
    ancestorOrigins: Array.from(win.location.ancestorOrigins ?? []),
    topHref,
  };
}
