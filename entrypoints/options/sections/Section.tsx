/** The frame every options section shares (heading, optional description) and the props sections get. */
import { useId, type ReactNode } from 'react';
import type { LensSettings } from '@/lib/settings/settings';
import type { SettingsIntent } from '@/lib/settings/intents';

export interface SectionProps {
  settings: LensSettings;
  /** Shows the change at once and has the owner apply it (the shell announces the result). */
  save(...intents: SettingsIntent[]): void;
}

export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="opt-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {description && <p className="opt-description">{description}</p>}
      {children}
    </section>
  );
}
