/**
 * "Download a picture" buttons (PNG at 1× or 2×). The map module does the drawing; this
 * component only asks for it through `onExport` (panels never touch the map library), and
 * announces progress and the result in a polite live region.
 */
import { useEffect, useState } from 'react';
import { translate } from '../i18n/translate';
import { useAppStore } from '../state/store-context';

export interface PictureExportProps {
  /** Renders and downloads the picture; resolves with the file name, rejects with a reason. */
  onExport: (scale: 1 | 2) => Promise<{ fileName: string; layout?: unknown }>;
  /** False while there is no map to draw yet. */
  available: boolean;
  /** True when the map cannot come at all (no WebGL, failed): then there are no buttons. */
  mapImpossible?: boolean;
  className?: string;
}

/** `quiet`: the "downloaded" message has had its time on screen (the layout stays). */
type Phase = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; fileName: string; layout?: unknown; quiet?: boolean } | { kind: 'failed'; reason: string };

/** How long "picture downloaded" stays on screen (it is announced once; the embed shows it over the map). */
export const DONE_MESSAGE_MS = 8000;

export function PictureExport({ onExport, available, mapImpossible = false, className }: PictureExportProps) {
  const lang = useAppStore((s) => s.lang);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  // The "downloaded" message goes after a while (the phase, and the layout it carries, stay).
  useEffect(() => {
    if (phase.kind !== 'done' || phase.quiet) return;
    const timer = setTimeout(() => setPhase({ ...phase, quiet: true }), DONE_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [phase]);
  const run = async (scale: 1 | 2) => {
    setPhase({ kind: 'working' });
    try {
      const { fileName, layout } = await onExport(scale);
      setPhase({ kind: 'done', fileName, layout });
    } catch (e) {
      console.warn('CDMZ Atlas: picture export failed', e);
      setPhase({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
    }
  };
  const message =
    phase.kind === 'working'
      ? translate(lang, 'picture.working')
      : phase.kind === 'done'
        ? phase.quiet
          ? ''
          : translate(lang, 'picture.done', { file: phase.fileName })
        : phase.kind === 'failed'
          ? translate(lang, 'picture.failed', { reason: phase.reason })
          : '';
  // No map will come (no WebGL, the map failed): nothing to draw a picture from. The map's own
  // message says why; the buttons would only be disabled forever.
  if (mapImpossible) return null;
  return (
    <div
      className={`picture-export${className ? ` ${className}` : ''}`}
      role="group"
      aria-label={translate(lang, 'picture.label')}
      // Where the last picture put its title and legend (the e2e tests check the covered share).
      data-picture-layout={phase.kind === 'done' && phase.layout ? JSON.stringify(phase.layout) : undefined}
    >
      {([1, 2] as const).map((scale) => (
        <button
          key={scale}
          type="button"
          className="button picture-export__button"
          onClick={() => void run(scale)}
          disabled={!available || phase.kind === 'working'}
          // The accessible name starts with the visible text (WCAG 2.5.3 label in name).
          aria-label={`${translate(lang, 'picture.scale', { scale })}: ${translate(lang, 'picture.button')}`}
          title={translate(lang, 'picture.button')}
          data-testid={`picture-${scale}x`}
        >
          {translate(lang, 'picture.scale', { scale })}
        </button>
      ))}
      <span className="picture-export__status" role="status" data-testid="picture-status">
        {message}
      </span>
    </div>
  );
}
