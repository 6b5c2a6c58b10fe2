import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffLine, DiffRow } from './blueprint-diff.js';

const colours: Record<DiffLine['kind'], { background?: string; sign: string }> = {
  added: { background: 'rgba(82,196,26,0.16)', sign: '+' },
  removed: { background: 'rgba(255,77,79,0.16)', sign: '-' },
  same: { sign: ' ' },
};

function Line({ line }: { line: DiffLine }) {
  const { t } = useTranslation();
  const { background, sign } = colours[line.kind];
  return (
    <div style={{ background, display: 'flex' }} {...(line.kind !== 'same' ? { 'aria-label': t(`build.diff.${line.kind}`, { text: line.text.trim() }) } : {})}>
      <span aria-hidden style={{ width: 40, textAlign: 'end', opacity: 0.45, paddingInlineEnd: 6, userSelect: 'none' }}>{line.oldLine ?? ''}</span>
      <span aria-hidden style={{ width: 40, textAlign: 'end', opacity: 0.45, paddingInlineEnd: 6, userSelect: 'none' }}>{line.newLine ?? ''}</span>
      <span aria-hidden style={{ width: 16, userSelect: 'none' }}>{sign}</span>
      <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', flex: 1 }}>{line.text}</span>
    </div>
  );
}

function Folded({ lines }: { lines: DiffLine[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (open) return <>{lines.map((line, index) => <Line key={index} line={line} />)}</>;
  return (
    <div style={{ background: 'rgba(22,119,255,0.06)', textAlign: 'center' }}>
      <Button type="link" size="small" onClick={() => setOpen(true)}>{t('build.diff.folded', { count: lines.length })}</Button>
    </div>
  );
}

/** A line diff: added lines green, removed red, long unchanged runs folded behind a button. */
export function DiffView({ rows }: { rows: DiffRow[] }) {
  const { t } = useTranslation();
  if (rows.every((row) => row.kind === 'same' || row.kind === 'folded')) return <p>{t('build.diff.none')}</p>;
  return (
    <div role="region" aria-label={t('build.diff.title')} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, lineHeight: '18px', border: '1px solid rgba(5,5,5,0.08)', borderRadius: 6, overflow: 'auto', maxHeight: 560 }}>
      {rows.map((row, index) => (row.kind === 'folded' ? <Folded key={index} lines={row.lines} /> : <Line key={index} line={row} />))}
    </div>
  );
}
